"""Label encoding with np.unique, one-hot encoding by indexing the identity matrix."""

import numpy as np


def label_encode(values):
    """Return (codes, classes): classes sorted, classes[codes] == values."""
    # np.unique sorts the distinct values; return_inverse gives each value's index among them.
    classes, codes = np.unique(np.asarray(values), return_inverse=True)
    return codes, classes


def one_hot(codes, n_classes=None):
    """Return the (n, n_classes) matrix whose row i is 1 in column codes[i], 0 elsewhere."""
    codes = np.asarray(codes)
    if n_classes is None:
        n_classes = codes.max() + 1
    # Row c of the identity matrix is the one-hot vector of class c; fancy indexing picks one per code.
    return np.eye(n_classes)[codes]
