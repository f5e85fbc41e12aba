"""Z-score anomaly flags, per column."""

import numpy as np


def zscore_anomalies(X, threshold=3.0):
    """Flag entries more than `threshold` population standard deviations from their column mean."""
    X = np.asarray(X, dtype=float)
    # |x - mean| > threshold * std is |z| > threshold without dividing: a constant column
    # (std = 0, every deviation 0) flags nothing instead of producing 0 / 0.
    return np.abs(X - X.mean(axis=0)) > threshold * X.std(axis=0)
