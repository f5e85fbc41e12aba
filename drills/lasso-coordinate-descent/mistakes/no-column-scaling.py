import numpy as np


def lasso_cd(X, y, lam, n_iters=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    r = y.copy()
    for _ in range(n_iters):
        for j in range(d):
            rho = X[:, j] @ r / n + X[:, j] @ X[:, j] / n * w[j]
            new = np.sign(rho) * max(abs(rho) - lam, 0.0)
            r -= X[:, j] * (new - w[j])
            w[j] = new
    return w
