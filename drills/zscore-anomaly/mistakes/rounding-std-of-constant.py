"""Mistake: no constant-column guard; the rounded std of [0.1, 0.1, 0.1] is 1.4e-17, not 0."""

import numpy as np


def zscore_anomalies(X, threshold=3.0):
    """Flag entries more than `threshold` population standard deviations from their column mean."""
    X = np.asarray(X, dtype=float)
    # |x - mean| > threshold * std is |z| > threshold without dividing: a constant column
    # (std = 0, every deviation 0) flags nothing instead of producing 0 / 0.
    return np.abs(X - X.mean(axis=0)) > threshold * X.std(axis=0)
