"""Numerically stable sigmoid: never exponentiate a positive number."""

import numpy as np


def sigmoid(x):
    """Return 1 / (1 + exp(-x)) element-wise, as a new float array of the same shape as x."""
    x = np.asarray(x, dtype=float)
    # exp(-|x|) is in (0, 1]: the only exponential needed, and it cannot overflow.
    z = np.exp(-np.abs(x))
    # For x >= 0 the result is 1 / (1 + exp(-x)) = 1 / (1 + z); for x < 0 it is
    # exp(x) / (1 + exp(x)) = z / (1 + z). Both numerators are <= 1 and the denominator is in
    # (1, 2], so there is no overflow, no 0/0, and tiny values keep their precision.
    return np.where(x >= 0, 1.0, z) / (1 + z)
