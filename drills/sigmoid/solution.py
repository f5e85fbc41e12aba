"""Numerically stable sigmoid: never exponentiate a positive number."""

import numpy as np


def sigmoid(x):
    """Return 1 / (1 + exp(-x)) element-wise, as a new float array of the same shape as x."""
    x = np.asarray(x, dtype=float)
    # exp(-|x|) is in (0, 1], so the denominator 1 + z is in (1, 2]: no overflow, no 0/0.
    z = np.exp(-np.abs(x))
    # The numerator is exp(min(x, 0)): 1 for x >= 0 (giving 1 / (1 + exp(-x))) and exp(x) for
    # x < 0 (giving exp(x) / (1 + exp(x))). Both are <= 1 and tiny values keep their precision.
    return np.exp(np.minimum(x, 0)) / (1 + z)
