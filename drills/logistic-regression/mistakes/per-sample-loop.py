import math

import numpy as np


def predict_proba(X, w, b):
    return np.exp(-np.logaddexp(0, -(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)))


def logistic_regression_fit(X, y, lr=0.1, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        dw, db = np.zeros(d), 0.0
        for i in range(n):
            z = X[i] @ w + b
            p = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
            dw += (p - y[i]) * X[i]
            db += p - y[i]
        w, b = w - lr * dw / n, b - lr * db / n
    return w, b
