import numpy as np


def perceptron_fit(X, y, epochs=10, lr=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        wrong = y * (X @ w + b) <= 0
        w = w + lr * (y[wrong] @ X[wrong])
        b = b + lr * y[wrong].sum()
    return w, b
