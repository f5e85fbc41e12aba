"""Lasso regression by cyclic coordinate descent with soft-thresholding."""

import numpy as np


def soft_threshold(a, t):
    """sign(a) * max(|a| - t, 0): shrink a towards 0 by t, and to exactly 0 when |a| <= t."""
    return np.sign(a) * max(abs(a) - t, 0.0)


def lasso_cd(X, y, lam, n_iters=100):
    """Minimize (1/2n) ||y - X @ w||² + lam * ||w||₁ by cyclic coordinate descent; return w (d,).

    One iteration is one sweep over the coordinates j = 0, ..., d-1, each update using the
    latest values of all the other coordinates.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    col_sq = (X ** 2).sum(axis=0) / n  # z_j = ||X_j||² / n, the curvature along coordinate j
    residual = y.copy()  # y - X @ w, kept up to date so each update costs O(n), not O(n·d)
    for _ in range(n_iters):
        for j in range(d):
            if col_sq[j] == 0:  # an all-zero feature: the objective does not depend on w_j, keep it 0
                continue
            # rho_j = X_jᵀ (y - X w + X_j w_j) / n: the correlation of feature j with the residual
            # of all the *other* features (add w_j's own contribution back).
            rho = X[:, j] @ residual / n + col_sq[j] * w[j]
            new = soft_threshold(rho, lam) / col_sq[j]
            residual -= X[:, j] * (new - w[j])
            w[j] = new
    return w
