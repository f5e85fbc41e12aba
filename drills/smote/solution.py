"""SMOTE: new minority samples on the segments between minority points and their nearest neighbours."""

import numpy as np


def smote(X_minority, n_new, k=5, seed=None):
    """Return n_new synthetic samples x + u * (x_nn - x), shape (n_new, d)."""
    X = np.asarray(X_minority, dtype=float)
    n = len(X)
    k = min(k, n - 1)  # a point has only n - 1 other minority points
    rng = np.random.default_rng(seed)
    # (n, n) Euclidean distances by broadcasting; a point must not be its own neighbour.
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    np.fill_diagonal(dist, np.inf)
    order = np.argsort(dist)  # row i: the other points from nearest to farthest (self last)
    base = rng.integers(0, n, n_new)  # a random minority point for every new sample
    partner = order[base, rng.integers(0, k, n_new)]  # a random one of its first k columns
    u = rng.random((n_new, 1))  # one position per sample, shared by all features
    return X[base] + u * (X[partner] - X[base])
