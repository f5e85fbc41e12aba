import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    indices = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    return [(indices.copy(), val) for val in np.array_split(indices, k)]
