import numpy as np


def xavier_init(n_in, n_out, seed=None):
    limit = np.sqrt(6 / (n_in + n_out))
    return np.random.default_rng(seed).uniform(-limit, limit, size=(n_in, n_out))


def he_init(n_in, n_out, seed=None):
    return np.random.default_rng(seed).normal(0.0, 2 / n_in, size=(n_in, n_out))
