import numpy as np


def linear_svm(X, y, lam=0.01, lr=0.1, epochs=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        viol = y * (X @ w + b) <= 1
        gw = lam * w - (y[viol] @ X[viol]) / n
        gb = -y[viol].sum() / n
        w, b = w - lr * gw, b - lr * gb
    return w, b
