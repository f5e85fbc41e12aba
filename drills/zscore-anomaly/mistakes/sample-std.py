import numpy as np


def zscore_anomalies(X, threshold=3.0):
    X = np.asarray(X, dtype=float)
    std = X.std(axis=0, ddof=1) if len(X) > 1 else np.zeros(X.shape[1:])
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (X - X.mean(axis=0)) / std
    return np.abs(z) > threshold
