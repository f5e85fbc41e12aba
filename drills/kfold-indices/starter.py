"""K-fold cross-validation indices, from scratch with NumPy."""

import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    """Return a list of k (train_idx, val_idx) pairs of 1-D int arrays.

    Fold i validates n_samples // k indices, plus one for the first n_samples % k folds; train_idx
    holds every other index. shuffle=False: consecutive blocks in order. shuffle=True: shuffle once
    with np.random.default_rng(seed), then cut the shuffled order the same way.
    """
    # TODO: the indices 0..n_samples-1, shuffled once if asked
    # TODO: the fold sizes (the first n_samples % k folds get one extra index)
    # TODO: for each fold, the validation block and everything else as training indices
    raise NotImplementedError
