import numpy as np


def knn_impute(X, k=3):
    missing = np.isnan(X)
    complete = X[~missing.any(axis=1)]
    for i in np.flatnonzero(missing.any(axis=1)):
        obs = ~missing[i]
        d = np.sqrt(((complete[:, obs] - X[i, obs]) ** 2).sum(axis=1))
        idx = np.argsort(d)[:k]
        X[i, ~obs] = complete[idx][:, ~obs].mean(axis=0)
    return X
