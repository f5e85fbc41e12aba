import numpy as np


def predict_proba(X, w, b):
    return np.exp(-np.logaddexp(0, -(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)))


def logistic_regression_fit(X, y, lr=0.1, epochs=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        p = predict_proba(X, w, b)
        delta = (p - y) * p * (1 - p)
        w, b = w - lr * X.T @ delta / n, b - lr * delta.mean()
    return w, b
