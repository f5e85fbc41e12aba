import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        error = X @ w + b - y
        dw = 2 * X.T @ error / n
        db = 2 * np.mean(error)
        w = w - lr * dw
        b = b - lr * db
    return w, b
