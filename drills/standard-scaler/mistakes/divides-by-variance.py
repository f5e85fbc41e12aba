import numpy as np


def standard_scaler_fit(X):
    X = np.asarray(X, dtype=float)
    return X.mean(axis=0), X.var(axis=0)


def standard_scaler_transform(X, mean, std):
    X = np.asarray(X, dtype=float)
    std = np.where(std == 0, 1.0, std)
    return (X - mean) / std
