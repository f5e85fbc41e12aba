"""Winsorization, from scratch with NumPy."""

import numpy as np


def winsorize(x, lower_pct=5, upper_pct=95):
    """Return a float copy of x with values clipped to its [lower_pct, upper_pct] percentiles.

    x: (n,) or (n, d) array-like; for 2-D input each column is clipped to its own percentiles.
    Percentiles as np.percentile (linear interpolation); percents are in 0..100.
    """
    # TODO: the lower and upper percentiles (per column for 2-D input)
    # TODO: clip every value to those limits without modifying x
    raise NotImplementedError
