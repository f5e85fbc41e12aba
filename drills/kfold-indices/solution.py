"""K-fold cross-validation: cut the (optionally shuffled) indices into k consecutive blocks."""

import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    """Return [(train_idx, val_idx), ...] for the k folds."""
    indices = np.arange(n_samples)
    if shuffle:
        indices = np.random.default_rng(seed).permutation(n_samples)  # shuffle once, not per fold
    # Fold sizes n // k, and the first n % k folds one larger: they add up to n_samples.
    sizes = np.full(k, n_samples // k)
    sizes[:n_samples % k] += 1
    stops = np.cumsum(sizes)
    folds = []
    for start, stop in zip(stops - sizes, stops):
        # Validate on this block, train on everything before and after it.
        folds.append((np.concatenate([indices[:start], indices[stop:]]), indices[start:stop]))
    return folds
