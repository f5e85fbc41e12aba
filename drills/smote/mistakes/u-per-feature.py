import numpy as np


def smote(X_minority, n_new, k=5, seed=None):
    X = np.asarray(X_minority, dtype=float)
    n, d = X.shape
    k = min(k, n - 1)
    rng = np.random.default_rng(seed)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    np.fill_diagonal(dist, np.inf)
    neighbours = np.argsort(dist, axis=1)[:, :k]
    base = rng.integers(0, n, n_new)
    partner = neighbours[base, rng.integers(0, k, n_new)]
    u = rng.random((n_new, d))
    return X[base] + u * (X[partner] - X[base])
