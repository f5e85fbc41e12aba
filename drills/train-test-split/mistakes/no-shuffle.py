import math

import numpy as np


def train_test_split(n_samples, test_size=0.2, seed=None, stratify=None):
    idx = np.arange(n_samples)
    if stratify is None:
        n_test = math.ceil(test_size * n_samples)
        return idx[:n_samples - n_test], idx[n_samples - n_test:]
    labels = np.asarray(stratify)
    train, test = [], []
    for c in np.unique(labels):
        members = idx[labels == c]
        n_test = round(test_size * len(members))
        train.append(members[:len(members) - n_test])
        test.append(members[len(members) - n_test:])
    return np.concatenate(train), np.concatenate(test)
