"""K-Means clustering (Lloyd's algorithm), from scratch with NumPy."""

import numpy as np


def kmeans(X, k, max_iters=100, seed=None):
    """Cluster the rows of X into k groups.

    X: (n, d) array; k: number of clusters; max_iters: iteration cap; seed: for np.random.default_rng.
    Returns (centroids, labels): centroids (k, d) floats, labels (n,) ints in 0..k-1.
    """
    # TODO: pick k distinct rows of X as the initial centroids (rng.choice(n, k, replace=False))
    # TODO: repeat: assign each point to its nearest centroid (broadcasting + argmin)
    # TODO:         move each centroid to the mean of its points (skip empty clusters)
    # TODO:         stop when the labels no longer change
    raise NotImplementedError
