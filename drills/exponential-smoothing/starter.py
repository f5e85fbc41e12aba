"""Simple exponential smoothing, from scratch with NumPy."""

import numpy as np


def ses(y, alpha, l0=None):
    """Simple exponential smoothing of a 1-D series.

    y: 1-D array-like of n >= 1 finite numbers; alpha in (0, 1]; l0: initial level (None -> y[0]).
    Returns (fitted, level), two float arrays of shape (n,):
      level[t]  = alpha * y[t] + (1 - alpha) * level[t-1]   (level[-1] means the initial level)
      fitted[t] = level[t-1]                                 (the forecast of y[t] made before seeing it)
    """
    # TODO: validate y (1-D, non-empty, finite), alpha in (0, 1], l0 finite -> ValueError
    # TODO: initial level = y[0] when l0 is None, else l0 (l0 = 0.0 is a real value, not None)
    # TODO: run the recursion over t = 0 .. n-1, storing each level
    # TODO: fitted = [initial level, level[0], ..., level[n-2]]
    raise NotImplementedError
