import math

import numpy as np


def train_test_split(n_samples, test_size=0.2, seed=None, stratify=None):
    rng = np.random.default_rng(seed)
    if stratify is None:
        test = rng.choice(n_samples, math.ceil(test_size * n_samples))
    else:
        labels = np.asarray(stratify)
        parts = []
        for c in np.unique(labels):
            members = np.flatnonzero(labels == c)
            parts.append(rng.choice(members, round(test_size * len(members))))
        test = np.concatenate(parts)
    train = np.setdiff1d(np.arange(n_samples), test)
    return train, test
