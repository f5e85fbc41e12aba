"""Mean / median / most-frequent imputation, from scratch with NumPy."""

import numpy as np


def impute(X, strategy="mean", fit_X=None):
    """Return a copy of X with each NaN replaced by a statistic of its column.

    X: (n, d) floats with NaN. fit_X: (m, d) training data or None (then use X).
    strategy: "mean", "median" or "most_frequent" (ties -> smallest value), computed per column
    over the non-NaN values of the fit data; a column without observed values gets 0.
    Any other strategy raises ValueError. X and fit_X must not be modified.
    """
    # TODO: check the strategy (raise ValueError if unknown)
    # TODO: compute one fill value per column from the observed values of the fit data
    # TODO: return a new array with every NaN of X replaced by its column's fill value
    raise NotImplementedError
