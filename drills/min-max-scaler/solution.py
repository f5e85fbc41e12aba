"""Min-max scaler: learn each column's range on the training data, then map it linearly."""

import numpy as np


def minmax_fit(X):
    """Return (data_min, data_max), the per-column minimum and maximum of X."""
    X = np.asarray(X, dtype=float)
    return X.min(axis=0), X.max(axis=0)


def minmax_transform(X, data_min, data_max, feature_range=(0, 1)):
    """Map data_min -> low and data_max -> high column by column, without clipping."""
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    span = data_max - data_min
    # A constant column has span 0: divide by 1 (its training values map to `low`).
    unit = (X - data_min) / np.where(span == 0, 1.0, span)  # 0..1 on the training range
    return low + unit * (high - low)
