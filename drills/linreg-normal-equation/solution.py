"""Ordinary least squares with an intercept, solved stably (SVD via lstsq, never inv(XᵀX))."""

import numpy as np


def fit_ols(X, y, fit_intercept=True):
    """Minimize ||y - X @ coef - intercept||²; return (coef (d,), intercept).

    Rank-deficient X: coef is the minimum-norm least-squares solution of the centred problem.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if fit_intercept:
        # Centring removes the intercept from the problem (the fitted plane passes through the
        # point of means) and makes a constant column exactly 0, so it gets coefficient 0.
        x_mean, y_mean = X.mean(axis=0), y.mean()
    else:
        x_mean, y_mean = np.zeros(X.shape[1]), 0.0
    # lstsq works from the SVD of the (centred) design itself: the error grows like cond(X), not
    # cond(X)² as with XᵀX, and singular values below rcond · max are dropped, which gives the
    # minimum-norm solution when columns are linearly dependent (or d > n).
    coef = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    intercept = y_mean - x_mean @ coef
    return coef, float(intercept)
