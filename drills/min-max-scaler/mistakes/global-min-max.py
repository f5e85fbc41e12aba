import numpy as np


def minmax_fit(X):
    X = np.asarray(X, dtype=float)
    return X.min(), X.max()


def minmax_transform(X, data_min, data_max, feature_range=(0, 1)):
    X = np.asarray(X, dtype=float)
    low, high = feature_range
    span = np.where(data_max == data_min, 1.0, data_max - data_min)
    return low + (X - data_min) / span * (high - low)
