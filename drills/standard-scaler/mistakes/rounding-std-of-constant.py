"""Mistake: fit returns the rounded std of a constant column (~1e-17 for [0.1, 0.1, 0.1]), not 0."""

import numpy as np


def standard_scaler_fit(X):
    """Return (mean, std) of each column of X; std is the population std (ddof=0)."""
    X = np.asarray(X, dtype=float)
    return X.mean(axis=0), X.std(axis=0)


def standard_scaler_transform(X, mean, std):
    """Return (X - mean) / std with the given statistics, dividing by 1 where std == 0."""
    X = np.asarray(X, dtype=float)
    # A constant column has std 0: divide by 1 so it maps to 0 instead of 0/0 = NaN.
    scale = np.where(std == 0, 1.0, std)
    # (m, d) - (d,) broadcasts the statistics over every row.
    return (X - mean) / scale
