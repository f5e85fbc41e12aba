import numpy as np


def random_oversample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    extra = [rng.choice(np.flatnonzero(y == c), counts.max() - n_c) for c, n_c in zip(classes, counts)]
    idx = np.concatenate([np.arange(len(y)), *extra])
    X_res, y_res = X[idx], y[idx]
    # shuffle the result so the copies are not all at the end
    return X_res[rng.permutation(len(idx))], y_res[rng.permutation(len(idx))]


def random_undersample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    idx = np.concatenate([rng.choice(np.flatnonzero(y == c), counts.min(), replace=False) for c in classes])
    X_res, y_res = X[idx], y[idx]
    return X_res[rng.permutation(len(idx))], y_res[rng.permutation(len(idx))]
