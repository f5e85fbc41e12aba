import numpy as np


def kfold_indices(n_samples, k, shuffle=False, seed=None):
    rng = np.random.default_rng(seed)
    sizes = np.full(k, n_samples // k)
    sizes[:n_samples % k] += 1
    stops = np.cumsum(sizes)
    folds = []
    for start, stop in zip(stops - sizes, stops):
        indices = rng.permutation(n_samples) if shuffle else np.arange(n_samples)
        folds.append((np.concatenate([indices[:start], indices[stop:]]), indices[start:stop]))
    return folds
