"""SMOTE (synthetic minority oversampling), from scratch with NumPy."""

import numpy as np


def smote(X_minority, n_new, k=5, seed=None):
    """Return n_new synthetic minority samples, shape (n_new, d).

    Each sample: x = a random minority point, x_nn = one of its k nearest other minority points,
    u ~ U(0, 1) (one per sample); new = x + u * (x_nn - x). If k > n - 1, use k = n - 1.
    All randomness from np.random.default_rng(seed).
    """
    # TODO: clamp k to n - 1
    # TODO: the (n, n) matrix of Euclidean distances (broadcasting); a point is not its own neighbour
    # TODO: the indices of the k nearest neighbours of every point
    # TODO: draw the base points, their neighbours and u with the seeded generator; interpolate
    raise NotImplementedError
