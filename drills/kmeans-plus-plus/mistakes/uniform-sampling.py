import numpy as np


def kmeans_pp_init(X, k, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(X), size=k, replace=False)
    return X[idx]
