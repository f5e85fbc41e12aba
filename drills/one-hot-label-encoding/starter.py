"""Label encoding and one-hot encoding, from scratch with NumPy."""

import numpy as np


def label_encode(values):
    """Map categories to integer codes.

    values: 1-D list/array of strings or integers.
    Returns (codes, classes): classes = the distinct values sorted; codes (n,) ints with
    classes[codes[i]] == values[i].
    """
    # TODO: find the sorted distinct values
    # TODO: find, for every value, the index of its class
    raise NotImplementedError


def one_hot(codes, n_classes=None):
    """Return the (n, n_classes) 0/1 matrix with a single 1 per row, in column codes[i].

    codes: 1-D list/array of non-negative ints; n_classes defaults to max(codes) + 1.
    """
    # TODO: choose the number of columns
    # TODO: put a 1 in column codes[i] of row i, without a Python loop
    raise NotImplementedError
