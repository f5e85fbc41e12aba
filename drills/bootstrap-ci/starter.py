"""Percentile bootstrap confidence interval, from scratch with NumPy."""

import numpy as np


def bootstrap_ci(x, stat="mean", n_boot=10000, alpha=0.05, seed=0):
    """Percentile bootstrap CI for the mean or the median of x.

    x: 1-D array-like of n >= 1 numbers. stat: "mean" or "median".
    Returns (low, high) as floats.
    """
    # TODO: validate x (non-empty, 1-D), stat, alpha in (0, 1), n_boot >= 1 (ValueError)
    # TODO: rng = np.random.default_rng(seed); idx = rng.integers(0, n, size=(n_boot, n))
    # TODO: the statistic of every row of x[idx] at once (axis=1)
    # TODO: np.quantile of those statistics at alpha/2 and 1 - alpha/2
    raise NotImplementedError
