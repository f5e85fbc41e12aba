import math

import numpy as np


def train_test_split(n_samples, test_size=0.2, seed=None, stratify=None):
    rng = np.random.default_rng(seed)
    if stratify is None:
        test = rng.permutation(n_samples)[:math.ceil(test_size * n_samples)]
    else:
        labels = np.asarray(stratify)
        test = np.concatenate([rng.permutation(np.flatnonzero(labels == c))[:round(test_size * np.sum(labels == c))]
                               for c in np.unique(labels)])
    return np.arange(n_samples), test
