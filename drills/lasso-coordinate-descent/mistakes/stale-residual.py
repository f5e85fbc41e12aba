import numpy as np


def lasso_cd(X, y, lam, n_iters=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    r = y - X @ w
    for _ in range(n_iters):
        for j in range(d):
            if z[j] == 0:
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            w[j] = np.sign(rho) * max(abs(rho) - lam, 0.0) / z[j]
    return w
