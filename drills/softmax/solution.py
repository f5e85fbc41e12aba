"""Numerically stable softmax: subtract each slice's maximum before exponentiating."""

import numpy as np


def softmax(x, axis=-1):
    """Return exp(x) / sum(exp(x)) along `axis`, as a new float array of the same shape as x."""
    x = np.asarray(x, dtype=float)
    # Shifting a slice by a constant does not change its softmax (exp(-c) cancels), and shifting
    # by the slice's max makes every exponent <= 0 (no overflow) with a largest term of exactly 1
    # (so the sum is >= 1: no 0 / 0). keepdims=True keeps the reduced axis for broadcasting.
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
