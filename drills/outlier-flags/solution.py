"""Outlier flags: Tukey's IQR fences and z-scores, as boolean masks."""

import numpy as np


def iqr_outliers(x, k=1.5):
    """Return the mask of the points strictly outside [Q1 - k*IQR, Q3 + k*IQR]."""
    x = np.asarray(x)
    q1, q3 = np.percentile(x, [25, 75])  # linear interpolation, NumPy's default
    iqr = q3 - q1
    return (x < q1 - k * iqr) | (x > q3 + k * iqr)


def zscore_outliers(x, threshold=3.0):
    """Return the mask of the points with |z| > threshold, z computed with the population std."""
    x = np.asarray(x, dtype=float)
    # Zero variance means every value is equal: decide it exactly (max == min). The computed std of a
    # constant like [0.1, 0.1, 0.1] is ~1.4e-17, not 0, because the rounded mean is off by one ulp.
    if np.ptp(x) == 0:
        return np.zeros(x.shape, dtype=bool)  # constant data: nothing is unusual, and no 0/0
    return np.abs(x - x.mean()) / x.std() > threshold  # std is ddof=0 (population)
