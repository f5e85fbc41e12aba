"""Simple imputation: one fill value per column, learned from the (training) data's observed values."""

import numpy as np

STRATEGIES = ("mean", "median", "most_frequent")


def impute(X, strategy="mean", fit_X=None):
    """Return a copy of X whose NaN entries are replaced by their column's fill value."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}; use one of {STRATEGIES}")
    X = np.asarray(X, dtype=float)
    fit = X if fit_X is None else np.asarray(fit_X, dtype=float)
    # One statistic per column, from the observed (non-NaN) values of the fit data only.
    stats = np.array([_fill_value(col[~np.isnan(col)], strategy) for col in fit.T])
    # np.where builds a new array: NaN cells take their column's statistic (broadcast over rows).
    return np.where(np.isnan(X), stats, X)


def _fill_value(observed, strategy):
    """The fill value of one column from its observed values; 0 when there are none."""
    if observed.size == 0:
        return 0.0
    if strategy == "mean":
        return observed.mean()
    if strategy == "median":
        return np.median(observed)
    # np.unique sorts the values, and argmax returns the first maximum: the smallest tied mode.
    values, counts = np.unique(observed, return_counts=True)
    return values[counts.argmax()]
