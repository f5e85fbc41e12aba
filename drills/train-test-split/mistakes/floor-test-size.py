import numpy as np


def train_test_split(n_samples, test_size=0.2, seed=None, stratify=None):
    rng = np.random.default_rng(seed)
    if stratify is None:
        perm = rng.permutation(n_samples)
        n_test = int(test_size * n_samples)
        return perm[n_test:], perm[:n_test]
    labels = np.asarray(stratify)
    train, test = [], []
    for c in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == c))
        n_test = int(test_size * len(members))
        test.append(members[:n_test])
        train.append(members[n_test:])
    return np.concatenate(train), np.concatenate(test)
