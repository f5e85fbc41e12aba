"""Standard scaler (z-score normalization), from scratch with NumPy."""

import numpy as np


def standard_scaler_fit(X):
    """Learn the per-column mean and population standard deviation of the training data.

    X: array-like (n, d). Returns (mean, std), two float arrays of shape (d,);
    std uses ddof=0 and is 0.0 for a constant column.
    """
    # TODO: convert X to a float array
    # TODO: return the column means and the column population standard deviations (axis=0)
    raise NotImplementedError


def standard_scaler_transform(X, mean, std):
    """Standardize X with the given (training) statistics: (X - mean) / std, column by column.

    X: array-like (m, d); mean, std: (d,). Where std == 0, divide by 1 instead.
    Returns a new float array (m, d). Use only mean and std, never statistics of X itself.
    """
    # TODO: replace zero standard deviations by 1
    # TODO: subtract the mean and divide, broadcasting the (d,) statistics over the rows
    raise NotImplementedError
