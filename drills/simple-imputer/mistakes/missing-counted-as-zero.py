import numpy as np


def impute(X, strategy="mean", fit_X=None):
    if strategy not in ("mean", "median", "most_frequent"):
        raise ValueError(strategy)
    X = np.asarray(X, dtype=float)
    fit = np.nan_to_num(X if fit_X is None else np.asarray(fit_X, dtype=float))
    if strategy == "mean":
        stats = fit.mean(axis=0)
    elif strategy == "median":
        stats = np.median(fit, axis=0)
    else:
        stats = []
        for col in fit.T:
            vals, counts = np.unique(col, return_counts=True)
            stats.append(vals[counts.argmax()])
        stats = np.array(stats)
    return np.where(np.isnan(X), stats, X)
