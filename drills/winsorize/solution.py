"""Winsorization: cap values at two percentiles, per column."""

import numpy as np


def winsorize(x, lower_pct=5, upper_pct=95):
    """Return a copy of x clipped to its [lower_pct, upper_pct] percentiles (per column if 2-D)."""
    # Along axis 0: two scalars for a 1-D x, two (d,) rows of per-column limits for a 2-D x.
    lo, hi = np.percentile(x, [lower_pct, upper_pct], axis=0)
    # np.clip broadcasts the limits over the rows and returns a new array.
    return np.clip(x, lo, hi)
