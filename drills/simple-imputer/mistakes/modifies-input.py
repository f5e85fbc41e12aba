import numpy as np


def impute(X, strategy="mean", fit_X=None):
    if strategy not in ("mean", "median", "most_frequent"):
        raise ValueError(strategy)
    fit = X if fit_X is None else fit_X
    stats = []
    for col in fit.T:
        obs = col[~np.isnan(col)]
        if obs.size == 0:
            stats.append(0.0)
        elif strategy == "mean":
            stats.append(obs.mean())
        elif strategy == "median":
            stats.append(np.median(obs))
        else:
            vals, counts = np.unique(obs, return_counts=True)
            stats.append(vals[counts.argmax()])
    rows, cols = np.nonzero(np.isnan(X))
    X[rows, cols] = np.array(stats)[cols]
    return X
