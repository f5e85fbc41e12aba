"""DBSCAN density-based clustering, from scratch with NumPy."""

import numpy as np


def dbscan(X, eps, min_samples=5):
    """Cluster the rows of X with DBSCAN; returns an int array (n,), -1 for noise, clusters 0, 1, ...

    X: (n, d) floats; eps > 0; min_samples >= 1.
    Neighbours of a point: all points at Euclidean distance <= eps, the point itself included.
    Core point: at least min_samples neighbours. Clusters: connected core points, numbered in order
    of their lowest-index core point. Border point (non-core, within eps of a core point): the
    smallest cluster number among its core neighbours. Everything else: -1.
    """
    # TODO: (n, n) distances and the boolean neighbourhood matrix (<= eps, diagonal included)
    # TODO: core = number of neighbours >= min_samples
    # TODO: connected components of the core points (BFS from each unlabelled core point in index order,
    #       or vectorized min-label propagation)
    # TODO: border points get the smallest cluster number among their core neighbours; the rest -1
    raise NotImplementedError
