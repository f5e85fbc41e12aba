import numpy as np


def xavier_init(n_in, n_out, seed=None):
    std = np.sqrt(2 / (n_in + n_out))
    return np.random.default_rng(seed).normal(0.0, std, size=(n_in, n_out))


def he_init(n_in, n_out, seed=None):
    return np.random.default_rng(seed).normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out))
