import numpy as np


def sigmoid(z):
    return np.exp(z) / (1 + np.exp(z))


def predict_proba(X, w, b):
    return sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)


def logistic_regression_fit(X, y, lr=0.1, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        err = predict_proba(X, w, b) - y
        w, b = w - lr * X.T @ err / n, b - lr * err.mean()
    return w, b
