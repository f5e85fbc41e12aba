"""Flatten layer, from scratch with NumPy."""

import numpy as np


def flatten(x):
    """Reshape x (N, d1, ..., dk) to (N, d1*...*dk): one row per sample, C (row-major) order.

    Keeps the batch axis even when N == 1; (N,) becomes (N, 1). Values unchanged.
    Must not modify x.
    """
    # TODO: keep the first (batch) axis and merge all the other axes into one, in C order
    raise NotImplementedError
