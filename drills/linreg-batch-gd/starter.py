"""Linear regression by batch gradient descent, from scratch with NumPy."""

import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    """Fit y ≈ X @ w + b by batch gradient descent on L = mean((X @ w + b - y) ** 2) / 2.

    X: (n, d) array-like; y: (n,) array-like. Start from w = zeros(d), b = 0.0 and take `epochs`
    simultaneous steps w -= lr * X.T @ r / n, b -= lr * mean(r), with r = X @ w + b - y.
    Returns (w, b): w a float array of shape (d,), b a number.
    """
    # TODO: convert X and y to float arrays; initialize w = zeros(d) and b = 0.0
    # TODO: each epoch: residuals r on all samples, then update w and b from the same r
    raise NotImplementedError
