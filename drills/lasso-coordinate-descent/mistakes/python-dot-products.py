import numpy as np


def lasso_cd(X, y, lam, n_iters=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    z = (X ** 2).sum(axis=0) / n
    r = y.copy()
    for _ in range(n_iters):
        for j in range(d):
            if z[j] == 0:
                continue
            col = X[:, j]
            dot = 0.0
            for i in range(n):
                dot += col[i] * r[i]
            rho = dot / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - lam, 0.0) / z[j]
            r -= col * (new - w[j])
            w[j] = new
    return w
