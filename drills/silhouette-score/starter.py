"""Silhouette score of a clustering, from scratch with NumPy."""

import numpy as np


def silhouette_score(X, labels):
    """Mean silhouette coefficient of the clustering `labels` of the rows of X (Euclidean distance).

    X: (n, d) floats; labels: (n,) cluster labels (any integers).
    s(i) = (b(i) - a(i)) / max(a(i), b(i)), 0 for a point alone in its cluster; returns mean(s).
    Raises ValueError unless 2 <= number of distinct labels <= n - 1.
    """
    # TODO: check the number of distinct labels (np.unique) and raise ValueError if not in 2..n-1
    # TODO: (n, n) Euclidean distances from the differences X[:, None] - X[None] (not the expanded form)
    # TODO: a(i) = mean distance to the other points of its cluster (divide by n_c - 1)
    # TODO: b(i) = min over the other clusters of the mean distance to that cluster's points
    # TODO: s(i) = (b - a) / max(a, b), 0 for singletons; return the mean
    raise NotImplementedError
