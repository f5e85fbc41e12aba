"""K-Means++ initialization, from scratch with NumPy."""

import numpy as np


def kmeans_pp_init(X, k, seed=None):
    """Choose k initial centroids among the rows of X with k-means++ (D^2) sampling.

    X: (n, d) array. Returns a float array (k, d) of rows of X, in the order they were chosen.
    Use rng = np.random.default_rng(seed). Must not modify X.
    """
    # TODO: create the random generator from the seed
    # TODO: choose the first centroid uniformly among the rows
    # TODO: keep each point's squared distance to its NEAREST chosen centroid
    # TODO: k - 1 times: sample the next row with probability d2 / d2.sum(), then update the distances
    raise NotImplementedError
