import numpy as np


def knn_impute(X, k=3):
    X = np.array(X, dtype=float)
    missing = np.isnan(X)
    inc = missing.any(axis=1)
    donors = X[~inc]
    d2 = np.nansum((X[inc][:, None, :] - donors[None, :, :]) ** 2, axis=2)
    idx = np.argsort(d2, axis=1)[:, :min(k, len(donors))]
    out = X.copy()
    out[inc] = np.where(missing[inc], np.median(donors[idx], axis=1), X[inc])
    return out
