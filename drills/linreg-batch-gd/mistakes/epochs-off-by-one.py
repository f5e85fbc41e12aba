import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(1, epochs):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / n, b - lr * r.mean()
    return w, b
