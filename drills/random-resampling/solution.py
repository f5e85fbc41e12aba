"""Random over- and undersampling: balance the classes by drawing row indices per class."""

import numpy as np


def random_oversample(X, y, seed=None):
    """Return (X_res, y_res): all rows, plus duplicates drawn with replacement up to the majority count."""
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    # Each class needs counts.max() - n_c extra rows, drawn with replacement from its own rows.
    extra = [rng.choice(np.flatnonzero(y == c), counts.max() - n_c) for c, n_c in zip(classes, counts)]
    idx = np.concatenate([np.arange(len(y)), *extra])
    return X[idx], y[idx]  # one index array for both: rows keep their labels


def random_undersample(X, y, seed=None):
    """Return (X_res, y_res): counts.min() rows of every class, drawn without replacement."""
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    idx = np.concatenate([rng.choice(np.flatnonzero(y == c), counts.min(), replace=False) for c in classes])
    return X[idx], y[idx]
