import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        dw, db = np.zeros(d), 0.0
        for i in range(n):
            err = X[i] @ w + b - y[i]
            dw += err * X[i]
            db += err
        w, b = w - lr * dw / n, b - lr * db / n
    return w, b
