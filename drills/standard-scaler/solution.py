"""Standard scaler: learn per-column mean and std on the training data, then reuse them."""

import numpy as np


def standard_scaler_fit(X):
    """Return (mean, std) of each column of X; std is the population std (ddof=0)."""
    X = np.asarray(X, dtype=float)
    # A column whose values are all equal has std exactly 0, but the computed std need not be: the
    # rounded mean of [0.1, 0.1, 0.1] is off by one ulp, giving ~1.4e-17. Decide constancy exactly
    # (max == min) so that transform's std == 0 guard sees it.
    constant = np.ptp(X, axis=0) == 0
    return X.mean(axis=0), np.where(constant, 0.0, X.std(axis=0))


def standard_scaler_transform(X, mean, std):
    """Return (X - mean) / std with the given statistics, dividing by 1 where std == 0."""
    X = np.asarray(X, dtype=float)
    # A constant column has std 0: divide by 1 so it maps to 0 instead of 0/0 = NaN.
    scale = np.where(std == 0, 1.0, std)
    # (m, d) - (d,) broadcasts the statistics over every row.
    return (X - mean) / scale
