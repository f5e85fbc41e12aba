import numpy as np


def impute(X, strategy="mean", fit_X=None):
    if strategy not in ("mean", "median", "most_frequent"):
        raise ValueError(strategy)
    X = np.array(X, dtype=float)
    for j in range(X.shape[1]):
        col = X[:, j]
        obs = col[~np.isnan(col)]
        if obs.size == 0:
            fill = 0.0
        elif strategy == "mean":
            fill = obs.mean()
        elif strategy == "median":
            fill = np.median(obs)
        else:
            vals, counts = np.unique(obs, return_counts=True)
            fill = vals[counts.argmax()]
        col[np.isnan(col)] = fill
    return X
