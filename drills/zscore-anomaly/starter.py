"""Z-score anomaly detection, from scratch with NumPy."""

import numpy as np


def zscore_anomalies(X, threshold=3.0):
    """Flag entries more than `threshold` population standard deviations from their column mean.

    X: (n, d) or (n,) array. Returns a boolean array of the same shape: True where |z| > threshold.
    Zero-variance columns flag nothing. Must not modify X.
    """
    # TODO: per-column mean and population std (axis=0, ddof=0)
    # TODO: compare |x - mean| with threshold * std (no division by a zero std)
    raise NotImplementedError
