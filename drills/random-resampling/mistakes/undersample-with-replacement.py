import numpy as np


def random_oversample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    extra = [rng.choice(np.flatnonzero(y == c), counts.max() - n_c) for c, n_c in zip(classes, counts)]
    idx = np.concatenate([np.arange(len(y)), *extra])
    return X[idx], y[idx]


def random_undersample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    idx = np.concatenate([rng.choice(np.flatnonzero(y == c), counts.min()) for c in classes])
    return X[idx], y[idx]
