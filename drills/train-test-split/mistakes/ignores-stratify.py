import math

import numpy as np


def train_test_split(n_samples, test_size=0.2, seed=None, stratify=None):
    rng = np.random.default_rng(seed)
    perm = rng.permutation(n_samples)
    n_test = math.ceil(test_size * n_samples)
    return perm[n_test:], perm[:n_test]
