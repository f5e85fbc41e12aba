"""Lasso regression by cyclic coordinate descent, from scratch with NumPy."""

import numpy as np


def lasso_cd(X, y, lam, n_iters=100):
    """Minimize (1/2n) ||y - X @ w||² + lam * ||w||₁ by cyclic coordinate descent; return w.

    X: (n, d) array-like; y: (n,); lam >= 0. Start from w = zeros(d); each of the n_iters sweeps
    updates w_0, w_1, ..., w_{d-1} in order with w_j = S(rho_j, lam) / z_j, where
    z_j = ||X_j||² / n, rho_j = X_jᵀ(y - X @ w + X_j * w_j) / n and S(a, t) = sign(a) * max(|a| - t, 0).
    An all-zero column keeps w_j = 0. Returns a float array of shape (d,).
    """
    # TODO: convert the inputs to float arrays; w = zeros(d); z_j for every column
    # TODO: keep the residual y - X @ w in a copy of y
    # TODO: for each sweep, for each j: rho_j, soft-threshold, update the residual and w_j
    raise NotImplementedError
