import numpy as np


def predict_proba(X, w, b):
    return np.exp(-np.logaddexp(0, -(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)))


def logistic_regression_fit(X, y, lr=0.1, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        w = w - lr * X.T @ (predict_proba(X, w, b) - y) / n
        b = b - lr * np.mean(predict_proba(X, w, b) - y)
    return w, b
