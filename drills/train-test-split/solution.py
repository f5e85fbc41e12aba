"""Train/test split of row indices: a seeded shuffle, cut in two (per class when stratified)."""

import math

import numpy as np


def train_test_split(n_samples, test_size=0.2, seed=None, stratify=None):
    """Return (train_idx, test_idx), a random partition of 0..n_samples-1."""
    rng = np.random.default_rng(seed)  # every random draw comes from this seeded generator
    if stratify is None:
        perm = rng.permutation(n_samples)
        n_test = math.ceil(test_size * n_samples)
        return perm[n_test:], perm[:n_test]
    labels = np.asarray(stratify)
    is_test = np.zeros(n_samples, dtype=bool)
    for c in np.unique(labels):
        # Shuffle this class's rows and send the first round(test_size * n_c) of them to the test set.
        members = rng.permutation(np.flatnonzero(labels == c))
        is_test[members[:round(test_size * members.size)]] = True
    return np.flatnonzero(~is_test), np.flatnonzero(is_test)
