"""Confusion matrix, from scratch with NumPy."""

import numpy as np


def confusion_matrix(y_true, y_pred, n_classes=None):
    """Return C with C[i, j] = number of samples of true class i predicted as class j.

    y_true, y_pred: 1-D array-likes of non-negative integer labels, same length.
    n_classes: size of the matrix; if None, max(max(y_true), max(y_pred)) + 1.
    Returns an integer array of shape (n_classes, n_classes): rows = true, columns = predicted.
    """
    # TODO: convert the inputs to integer arrays
    # TODO: choose n_classes when it is None (look at both arrays)
    # TODO: count every (true, predicted) pair without a Python loop
    raise NotImplementedError
