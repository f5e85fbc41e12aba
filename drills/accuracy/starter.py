"""Accuracy, from scratch with NumPy."""

import numpy as np


def accuracy(y_true, y_pred):
    """Return the fraction of samples where y_pred equals y_true, as a float in [0, 1].

    y_true, y_pred: 1-D array-likes of the same length n >= 1 (integer or string labels).
    """
    # TODO: convert both inputs to arrays
    # TODO: compare them element-wise and return the fraction of matches
    raise NotImplementedError
