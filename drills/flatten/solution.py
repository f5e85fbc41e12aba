"""Flatten layer: one row per sample, the sample's features in C (row-major) order."""

import math

import numpy as np


def flatten(x):
    """Reshape x (N, d1, d2, ...) to (N, d1*d2*...), keeping the batch axis and C order."""
    x = np.asarray(x)
    # The batch size stays; the features are the product of all the other axes
    # (math.prod of an empty tuple is 1, so a 1-D x gives one feature per sample).
    # reshape reads and writes in C order by default (the last axis varies fastest).
    return x.reshape(x.shape[0], math.prod(x.shape[1:]))
