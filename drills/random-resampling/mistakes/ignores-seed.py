import numpy as np


def random_oversample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    extra = [np.random.choice(np.flatnonzero(y == c), counts.max() - n_c) for c, n_c in zip(classes, counts)]
    idx = np.concatenate([np.arange(len(y)), *extra])
    return X[idx], y[idx]


def random_undersample(X, y, seed=None):
    X, y = np.asarray(X), np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    idx = np.concatenate([np.random.choice(np.flatnonzero(y == c), counts.min(), replace=False) for c in classes])
    return X[idx], y[idx]
