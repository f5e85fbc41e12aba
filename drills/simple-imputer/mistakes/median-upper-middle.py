import numpy as np


def impute(X, strategy="mean", fit_X=None):
    if strategy not in ("mean", "median", "most_frequent"):
        raise ValueError(strategy)
    X = np.asarray(X, dtype=float)
    fit = X if fit_X is None else np.asarray(fit_X, dtype=float)
    stats = []
    for col in fit.T:
        obs = np.sort(col[~np.isnan(col)])
        if obs.size == 0:
            stats.append(0.0)
        elif strategy == "mean":
            stats.append(obs.mean())
        elif strategy == "median":
            stats.append(obs[len(obs) // 2])
        else:
            vals, counts = np.unique(obs, return_counts=True)
            stats.append(vals[counts.argmax()])
    return np.where(np.isnan(X), np.array(stats), X)
