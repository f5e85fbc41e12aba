"""Ordinary least squares with an intercept, from scratch with NumPy."""

import numpy as np


def fit_ols(X, y, fit_intercept=True):
    """Minimize sum((y - X @ coef - intercept) ** 2) over coef (d,) and intercept.

    X: (n, d) array-like; y: (n,). Returns (coef, intercept): coef a float array of shape (d,),
    intercept a float (0.0 when fit_intercept is False). Rank-deficient X: the minimum-norm coef
    of the centred problem. Do not form or invert XᵀX.
    """
    # TODO: with an intercept, centre X and y (new arrays; do not modify the inputs)
    # TODO: solve the least-squares problem with an orthogonal factorisation (lstsq / QR / SVD)
    # TODO: recover the intercept from the means
    raise NotImplementedError
