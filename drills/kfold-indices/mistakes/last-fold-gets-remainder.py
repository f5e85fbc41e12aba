import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    indices = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    size = n_samples // k
    folds = []
    for i in range(k):
        stop = n_samples if i == k - 1 else (i + 1) * size
        val = indices[i * size:stop]
        train = np.concatenate([indices[:i * size], indices[stop:]])
        folds.append((train, val))
    return folds
