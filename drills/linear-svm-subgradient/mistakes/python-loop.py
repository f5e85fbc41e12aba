import numpy as np


def linear_svm(X, y, lam=0.01, lr=0.1, epochs=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        gw = lam * w
        gb = 0.0
        for xi, yi in zip(X, y):
            if yi * (xi @ w + b) < 1:
                gw = gw - yi * xi / n
                gb = gb - yi / n
        w, b = w - lr * gw, b - lr * gb
    return w, b
