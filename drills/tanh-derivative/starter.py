"""Tanh activation and its derivative, from scratch with NumPy."""

import numpy as np


def tanh(x):
    """Return tanh(x) element-wise, as a new float array of the same shape as x.

    x: np.ndarray of any shape (int or float). Must not be modified.
    np.tanh is allowed; a hand-written formula must give exactly ±1 (never nan) for x = ±1000.
    """
    # TODO: compute the hyperbolic tangent element-wise
    raise NotImplementedError


def tanh_grad(x):
    """Return d/dx tanh(x) = 1 - tanh(x)**2 element-wise, for the INPUT x (not the activation).

    x: np.ndarray of any shape (int or float). Must not be modified.
    Returns a new float array of the same shape, with values in [0, 1].
    """
    # TODO: compute t = tanh(x)
    # TODO: express the derivative through t
    raise NotImplementedError
