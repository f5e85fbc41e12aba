import numpy as np


def zscore_anomalies(X, threshold=3.0):
    X = np.asarray(X, dtype=float)
    return np.abs(X - X.mean()) > threshold * X.std()
