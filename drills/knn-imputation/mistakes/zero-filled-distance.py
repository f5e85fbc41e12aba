import numpy as np


def knn_impute(X, k=3):
    X = np.array(X, dtype=float)
    missing = np.isnan(X)
    complete = X[~missing.any(axis=1)]
    Z = np.nan_to_num(X)
    out = X.copy()
    for i in np.flatnonzero(missing.any(axis=1)):
        d = np.sqrt(((complete - Z[i]) ** 2).sum(axis=1))
        idx = np.argsort(d)[:k]
        out[i, missing[i]] = complete[idx][:, missing[i]].mean(axis=0)
    return out
