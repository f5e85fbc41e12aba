import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    indices = np.arange(n_samples)
    folds = []
    for val in np.array_split(indices, k):
        folds.append((np.setdiff1d(indices, val), val))
    return folds
