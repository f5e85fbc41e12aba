import numpy as np


def smote(X_minority, n_new, k=5, seed=None):
    X = np.asarray(X_minority, dtype=float)
    n = len(X)
    k = min(k, n - 1)
    rng = np.random.default_rng(seed)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    neighbours = np.argsort(dist, axis=1)[:, :k]  # column 0 is the point itself
    base = rng.integers(0, n, n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    u = rng.random((n_new, 1))
    return X[base] + u * (X[partner] - X[base])
