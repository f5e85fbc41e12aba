import numpy as np


def perceptron_fit(X, y, epochs=10, lr=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(1000):  # "until it converges" (capped so that non-separable data end)
        mistakes = 0
        for xi, yi in zip(X, y):
            if yi * (xi @ w + b) <= 0:
                w = w + lr * yi * xi
                b = b + lr * yi
                mistakes += 1
        if mistakes == 0:
            break
    return w, b
