import numpy as np


def standard_scaler_fit(X):
    X = np.asarray(X, dtype=float)
    return X.mean(axis=0), X.std(axis=0)


def standard_scaler_transform(X, mean, std):
    X = np.asarray(X, dtype=float)
    return (X - mean) / (std + 1e-8)
