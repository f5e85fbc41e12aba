import numpy as np


def knn_impute(X, k=3):
    X = np.array(X, dtype=float)
    missing = np.isnan(X)
    out = X.copy()
    n = len(X)
    for i in np.flatnonzero(missing.any(axis=1)):
        d = np.sqrt(np.nansum((X - X[i]) ** 2, axis=1))
        for j in np.flatnonzero(missing[i]):
            candidates = [r for r in range(n) if r != i and not missing[r, j]]
            candidates.sort(key=lambda r: d[r])
            out[i, j] = X[candidates[:k], j].mean()
    return out
