import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        w -= lr * X.T @ (X @ w + b - y) / n
        b -= lr * np.mean(X @ w + b - y)
    return w, b
