"""Closed-form ridge regression with an unpenalized intercept."""

import numpy as np


def ridge_fit(X, y, lam):
    """Minimize ||y - X @ w - b||² + lam * ||w||² over w (d,) and b; return (w, b).

    Centering removes the intercept from the problem, so only w is penalized.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean = X.mean(axis=0)
    Xc = X - x_mean  # a new array: the caller's X is not changed
    # Normal equations (XcᵀXc + lam·I) w = Xcᵀ(y - mean(y)), solved without forming an inverse.
    # The columns of Xc sum to zero, so Xcᵀ(y - mean(y)) = Xcᵀy: y itself needs no centering.
    # lstsq also covers lam = 0 with linearly dependent columns (XcᵀXc singular), where
    # np.linalg.solve and np.linalg.inv fail: it returns the minimum-norm least-squares solution.
    A = Xc.T @ Xc + lam * np.eye(X.shape[1])
    w = np.linalg.lstsq(A, Xc.T @ y, rcond=None)[0]
    # The intercept makes the fitted plane pass through the point of means.
    b = y.mean() - x_mean @ w
    return w, b
