import numpy as np


def lasso_cd(X, y, lam, n_iters=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    safe_z = np.where(z > 0, z, 1.0)
    for _ in range(n_iters):
        rho = X.T @ (y - X @ w) / n + z * w
        w = np.where(z > 0, np.sign(rho) * np.maximum(np.abs(rho) - lam, 0.0) / safe_z, 0.0)
    return w
