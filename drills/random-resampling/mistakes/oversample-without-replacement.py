import numpy as np


def random_oversample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    idx = [np.arange(len(y))]
    for c, n_c in zip(classes, counts):
        idx.append(rng.choice(np.flatnonzero(y == c), counts.max() - n_c, replace=False))
    idx = np.concatenate(idx)
    return X[idx], y[idx]


def random_undersample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    idx = np.concatenate([rng.choice(np.flatnonzero(y == c), counts.min(), replace=False) for c in classes])
    return X[idx], y[idx]
