"""Leaky ReLU and its derivative, from scratch with NumPy."""

import numpy as np


def leaky_relu(x, alpha=0.01):
    """Return x where x > 0 and alpha * x elsewhere, as a new float array of the same shape.

    x: np.ndarray of any shape (int or float). Must not be modified. 0 <= alpha < 1.
    """
    # TODO: select x or alpha * x element-wise (no Python `if` on arrays)
    raise NotImplementedError


def leaky_relu_grad(x, alpha=0.01):
    """Return the derivative of leaky_relu: 1 where x > 0, alpha elsewhere (alpha at x == 0).

    x: np.ndarray of any shape (int or float). Must not be modified. 0 <= alpha < 1.
    Returns a new float array of the same shape as x.
    """
    # TODO: select the slope 1 or alpha element-wise
    raise NotImplementedError
