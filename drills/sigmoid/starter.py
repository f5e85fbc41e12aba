"""Numerically stable sigmoid, from scratch with NumPy."""

import numpy as np


def sigmoid(x):
    """Return 1 / (1 + exp(-x)) element-wise, as a new float array of the same shape as x.

    x: np.ndarray of any shape (int or float). Must not be modified.
    Must give 0.0 / 1.0 (never nan or inf) for x = -1000 / 1000, and keep full relative
    precision for very negative x (sigmoid(-40) ≈ 4.248e-18, not 0).
    """
    # TODO: convert x to a float array
    # TODO: only exponentiate numbers <= 0, e.g. exp(-|x|), so nothing can overflow
    # TODO: combine: 1 / (1 + exp(-|x|)) for x >= 0, exp(-|x|) / (1 + exp(-|x|)) for x < 0
    raise NotImplementedError
