import numpy as np


def zscore_anomalies(X, threshold=3.0):
    X = np.asarray(X, dtype=float)
    return X - X.mean(axis=0) > threshold * X.std(axis=0)
