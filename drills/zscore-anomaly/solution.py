"""Z-score anomaly flags, per column."""

import numpy as np


def zscore_anomalies(X, threshold=3.0):
    """Flag entries more than `threshold` population standard deviations from their column mean."""
    X = np.asarray(X, dtype=float)
    # |x - mean| > threshold * std is |z| > threshold without dividing by the std.
    flags = np.abs(X - X.mean(axis=0)) > threshold * X.std(axis=0)
    # A column whose values are all equal has variance exactly 0, but its computed mean need not be
    # exact (mean of [0.1, 0.1, 0.1] is 0.1 + 1 ulp), so its computed std can be ~1e-17 and every
    # deviation beats threshold * std. Decide "constant" exactly, from max == min, not from the std.
    constant = np.ptp(X, axis=0) == 0
    return flags & ~constant
