import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    indices = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    sizes = np.full(k, n_samples // k)
    sizes[k - n_samples % k:] += 1
    stops = np.cumsum(sizes)
    return [(np.concatenate([indices[:b - s], indices[b:]]), indices[b - s:b]) for s, b in zip(sizes, stops)]
