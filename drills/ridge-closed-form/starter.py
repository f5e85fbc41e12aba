"""Ridge regression in closed form, from scratch with NumPy."""

import numpy as np


def ridge_fit(X, y, lam):
    """Minimize sum((y - X @ w - b) ** 2) + lam * ||w||² over w (d,) and b (b is not penalized).

    X: (n, d) array-like; y: (n,); lam >= 0. Returns (w, b): w a float array of shape (d,), b a
    number. For lam = 0 with linearly dependent columns, return the minimum-norm solution.
    """
    # TODO: center X (column means) and y into new arrays
    # TODO: solve (Xc.T @ Xc + lam * I) w = Xc.T @ yc without an explicit inverse
    # TODO: recover the intercept from the means
    raise NotImplementedError
