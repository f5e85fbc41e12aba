import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(0)
    w, b = rng.normal(0, 0.01, size=d), 0.0
    for _ in range(epochs):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / n, b - lr * r.mean()
    return w, b
