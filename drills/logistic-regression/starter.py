"""Logistic regression by gradient descent, from scratch with NumPy."""

import numpy as np


def predict_proba(X, w, b):
    """Return sigmoid(X @ w + b), the probability of class 1 for each row of X, shape (n,).

    X: (n, d) array-like; w: (d,); b: a number. The sigmoid must be numerically stable
    (no NaN for logits of ±1000) and the probabilities must not be clipped.
    """
    # TODO: compute the logits z = X @ w + b
    # TODO: apply a numerically stable sigmoid
    raise NotImplementedError


def logistic_regression_fit(X, y, lr=0.1, epochs=1000):
    """Fit (w, b) by batch gradient descent on the mean binary cross-entropy.

    X: (n, d); y: (n,) labels in {0, 1}. Start from w = zeros(d), b = 0.0; each epoch, with
    p = sigmoid(X @ w + b): w -= lr * X.T @ (p - y) / n and b -= lr * mean(p - y), both from the
    same p. Returns (w, b): w a float array of shape (d,), b a number.
    """
    # TODO: convert X and y to float arrays; initialize w and b
    # TODO: each epoch: probabilities of all samples, gradients, simultaneous update
    raise NotImplementedError
