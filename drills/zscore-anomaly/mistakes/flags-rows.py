import numpy as np


def zscore_anomalies(X, threshold=3.0):
    X = np.asarray(X, dtype=float)
    flags = np.abs(X - X.mean(axis=0)) > threshold * X.std(axis=0)
    return flags.any(axis=1) if flags.ndim == 2 else flags
