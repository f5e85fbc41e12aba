import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0, -z))


def predict_proba(X, w, b):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float).reshape(-1, 1)
    return sigmoid(X @ w + b)


def logistic_regression_fit(X, y, lr=0.1, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    n, d = X.shape
    w, b = np.zeros((d, 1)), 0.0
    for _ in range(epochs):
        err = predict_proba(X, w, b) - y
        w, b = w - lr * X.T @ err / n, b - lr * err.mean()
    return w, b
