"""Mean silhouette coefficient of a clustering, with a stable Euclidean distance matrix."""

import numpy as np


def silhouette_score(X, labels):
    """Mean over points of s(i) = (b(i) - a(i)) / max(a(i), b(i)); s(i) = 0 in singleton clusters.

    Raises ValueError unless 2 <= number of distinct labels <= n - 1.
    """
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    n = len(X)
    classes, idx = np.unique(labels, return_inverse=True)
    k = len(classes)
    if not 2 <= k <= n - 1:
        raise ValueError(f"silhouette needs 2 <= number of labels <= n - 1; got {k} labels for {n} points")
    # Distances from differences (not ||a||² − 2a·b + ||b||², which cancels catastrophically far from 0).
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))  # mutation: equivalent — sum vs mean rescales all distances; s is scale-invariant
    onehot = np.eye(k)[idx]  # (n, k)
    sums = D @ onehot  # sums[i, c] = Σ of distances from i to the points of cluster c
    counts = onehot.sum(axis=0)  # (k,)
    own = counts[idx]  # size of each point's own cluster
    s = np.zeros(n)  # singletons keep s = 0 (as scikit-learn)
    m = own > 1  # mutation: equivalent — for singletons a = 0/0 and the divide below keeps their 0
    rows = np.flatnonzero(m)
    # a(i): mean distance to the OTHER points of its cluster (d(i, i) = 0 is in the sum, not in the count).
    a = sums[rows, idx[m]] / (own[m] - 1)
    # b(i): the smallest mean distance to another cluster (its own cluster is excluded).
    means = sums[m] / counts
    means[np.arange(len(rows)), idx[m]] = np.inf
    b = means.min(axis=1)
    denom = np.maximum(a, b)
    # a = b = 0 (all distances 0) gives s = 0 rather than 0/0.
    s[m] = np.divide(b - a, denom, out=np.zeros(len(rows)), where=denom > 0)
    return float(s.mean())  # mutation: equivalent — a NumPy float is accepted as a number too
