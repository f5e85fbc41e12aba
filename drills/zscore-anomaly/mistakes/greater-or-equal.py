import numpy as np


def zscore_anomalies(X, threshold=3.0):
    X = np.asarray(X, dtype=float)
    mean, std = X.mean(axis=0), X.std(axis=0)
    safe = np.where(std == 0, 1.0, std)
    z = (X - mean) / safe
    return (np.abs(z) >= threshold) & (std > 0)
