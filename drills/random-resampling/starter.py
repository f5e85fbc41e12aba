"""Random oversampling and undersampling for imbalanced classes, from scratch with NumPy."""

import numpy as np


def random_oversample(X, y, seed=None):
    """Keep every row and add rows drawn with replacement until every class has the majority count.

    X: (n, d); y: (n,) labels. Returns (X_res, y_res). Randomness from np.random.default_rng(seed).
    """
    # TODO: the classes and their counts (np.unique(..., return_counts=True))
    # TODO: for each class, draw (max count - its count) extra row indices with replacement
    # TODO: index X and y with the same indices (all originals + the extras)
    raise NotImplementedError


def random_undersample(X, y, seed=None):
    """Keep a random subset (without replacement) of every class, of the minority count.

    X: (n, d); y: (n,) labels. Returns (X_res, y_res). Randomness from np.random.default_rng(seed).
    """
    # TODO: the classes and their counts
    # TODO: for each class, draw (min count) row indices without replacement
    # TODO: index X and y with the same indices
    raise NotImplementedError
