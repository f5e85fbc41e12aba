import numpy as np


def linear_svm(X, y, lam=0.01, lr=0.1, epochs=100):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        for i in range(n):
            if y[i] * (X[i] @ w + b) < 1:
                w = w - lr * (lam * w - y[i] * X[i] / n)
                b = b + lr * y[i] / n
            else:
                w = w - lr * lam * w / n
    return w, b
