import numpy as np


def perceptron_fit(X, y, epochs=10, lr=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        for i in range(n):
            activation = b
            for j in range(d):
                activation += w[j] * X[i, j]
            if y[i] * activation <= 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
    return w, b
