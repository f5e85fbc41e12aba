"""Linear regression by batch gradient descent on the half mean squared error."""

import numpy as np


def linreg_gd(X, y, lr=0.01, epochs=1000):
    """Fit y ≈ X @ w + b by batch gradient descent on L = mean((X @ w + b - y) ** 2) / 2.

    Returns (w, b) after `epochs` simultaneous steps from w = 0, b = 0.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(epochs):
        r = X @ w + b - y  # residuals of all n samples, shape (n,)
        # Both gradients come from the same r: one simultaneous step.
        # dL/dw = X^T r / n (one matrix-vector product), dL/db = mean(r).
        w, b = w - lr * (X.T @ r) / n, b - lr * r.mean()
    return w, b
