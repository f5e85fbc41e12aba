"""Mistake: clips the probabilities to [1e-15, 1 - 1e-15]. Logistic regression trained by batch gradient descent on the mean binary cross-entropy."""

import numpy as np


def sigmoid(z):
    """1 / (1 + exp(-z)) without overflow for any z.

    log(1 + exp(-z)) = np.logaddexp(0, -z) is computed stably for every z, so
    sigmoid(z) = exp(-log(1 + exp(-z))) never evaluates exp of a large positive number.
    """
    # "to keep log(p) finite": sigmoid(-40) = 4.2e-18 comes back as 1e-15
    return np.clip(np.exp(-np.logaddexp(0, -z)), 1e-15, 1 - 1e-15)


def predict_proba(X, w, b):
    """P(y = 1 | x) = sigmoid(x·w + b) for every row of X, shape (n,)."""
    return sigmoid(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b)


def logistic_regression_fit(X, y, lr=0.1, epochs=1000):
    """Fit (w, b) by `epochs` batch gradient-descent steps on mean BCE, from w = 0, b = 0."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(epochs):
        # For sigmoid + binary cross-entropy, dL/dz_i = (p_i - y_i) / n: the sigmoid's derivative cancels.
        err = predict_proba(X, w, b) - y
        w, b = w - lr * (X.T @ err) / n, b - lr * err.mean()
    return w, b
