import numpy as np


def smote(X_minority, n_new, k=5, seed=None):
    X = np.asarray(X_minority, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    base = rng.integers(0, n, n_new)
    partner = (base + rng.integers(1, n, n_new)) % n  # any other minority point
    u = rng.random((n_new, 1))
    return X[base] + u * (X[partner] - X[base])
