import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        error = X @ w + b - y
        w = w - lr * X.T @ error
        b = b - lr * error.sum()
    return w, b
