"""Outlier detection with IQR fences and z-scores, from scratch with NumPy."""

import numpy as np


def iqr_outliers(x, k=1.5):
    """Boolean mask of the points strictly outside [Q1 - k*IQR, Q3 + k*IQR].

    x: 1-D array-like. Q1, Q3 as np.percentile(x, [25, 75]) (linear interpolation).
    """
    # TODO: the quartiles and the interquartile range
    # TODO: compare every point with the two fences (strict inequalities), no loop
    raise NotImplementedError


def zscore_outliers(x, threshold=3.0):
    """Boolean mask of the points with |x - mean| / std > threshold (population std).

    x: 1-D array-like. If the std is 0, no point is an outlier (all False).
    """
    # TODO: handle zero variance first
    # TODO: z-scores with the population std; flag |z| > threshold
    raise NotImplementedError
