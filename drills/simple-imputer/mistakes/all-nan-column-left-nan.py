import warnings

import numpy as np


def impute(X, strategy="mean", fit_X=None):
    if strategy not in ("mean", "median", "most_frequent"):
        raise ValueError(strategy)
    X = np.asarray(X, dtype=float)
    fit = X if fit_X is None else np.asarray(fit_X, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if strategy == "mean":
            stats = np.nanmean(fit, axis=0)
        elif strategy == "median":
            stats = np.nanmedian(fit, axis=0)
        else:
            stats = []
            for col in fit.T:
                vals, counts = np.unique(col[~np.isnan(col)], return_counts=True)
                stats.append(vals[counts.argmax()] if vals.size else np.nan)
            stats = np.array(stats)
    return np.where(np.isnan(X), stats, X)
