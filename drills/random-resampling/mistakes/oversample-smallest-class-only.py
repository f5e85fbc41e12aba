import numpy as np


def random_oversample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    minority = classes[counts.argmin()]
    extra = rng.choice(np.flatnonzero(y == minority), counts.max() - counts.min())
    idx = np.concatenate([np.arange(len(y)), extra])
    return X[idx], y[idx]


def random_undersample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    idx = np.concatenate([rng.choice(np.flatnonzero(y == c), counts.min(), replace=False) for c in classes])
    return X[idx], y[idx]
