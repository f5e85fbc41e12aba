import numpy as np


def perceptron_fit(X, y, epochs=10, lr=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for xi, yi in zip(X, y):
            if yi * (xi @ w + b) < 0:
                w = w + lr * yi * xi
                b = b + lr * yi
    return w, b
