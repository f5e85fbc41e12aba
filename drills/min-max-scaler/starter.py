"""Min-max scaler, from scratch with NumPy."""

import numpy as np


def minmax_fit(X):
    """Learn the per-column minimum and maximum of the training data.

    X: array-like (n, d). Returns (data_min, data_max), two float arrays of shape (d,).
    """
    # TODO: column minima and maxima (axis=0)
    raise NotImplementedError


def minmax_transform(X, data_min, data_max, feature_range=(0, 1)):
    """Map each column linearly so that data_min -> low and data_max -> high.

    X: array-like (m, d); data_min, data_max: (d,); feature_range: (low, high).
    Constant columns (data_max == data_min): divide by 1 instead of 0. No clipping.
    Returns a new float array (m, d). Use only the statistics given, never those of X.
    """
    # TODO: scale to [0, 1] with the training range (guard a zero range)
    # TODO: stretch and shift to [low, high]
    raise NotImplementedError
