"""Mistake: zero variance decided by the computed std == 0, which is ~1e-17 for [0.1, 0.1, 0.1]."""

import numpy as np


def iqr_outliers(x, k=1.5):
    """Return the mask of the points strictly outside [Q1 - k*IQR, Q3 + k*IQR]."""
    x = np.asarray(x)
    q1, q3 = np.percentile(x, [25, 75])  # linear interpolation, NumPy's default
    iqr = q3 - q1
    return (x < q1 - k * iqr) | (x > q3 + k * iqr)


def zscore_outliers(x, threshold=3.0):
    """Return the mask of the points with |z| > threshold, z computed with the population std."""
    x = np.asarray(x)
    std = x.std()  # ddof=0
    if std == 0:
        return np.zeros(x.shape, dtype=bool)  # constant data: nothing is unusual, and no 0/0
    return np.abs(x - x.mean()) / std > threshold
