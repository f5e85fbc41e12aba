import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    indices = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    size = n_samples // k
    folds = []
    for i in range(k):
        val = indices[i * size:(i + 1) * size]
        train = np.setdiff1d(indices, val)
        folds.append((train, val))
    return folds
