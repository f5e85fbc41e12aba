import numpy as np


def zscore_anomalies(X, threshold=3.0):
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        return np.abs(X - X.mean()) > threshold * X.std()
    mean = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    return np.abs(X - mean) > threshold * std
