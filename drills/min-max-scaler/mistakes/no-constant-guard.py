import numpy as np


def minmax_fit(X):
    X = np.asarray(X, dtype=float)
    return X.min(axis=0), X.max(axis=0)


def minmax_transform(X, data_min, data_max, feature_range=(0, 1)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    return low + (X - data_min) / (data_max - data_min) * (high - low)
