import numpy as np


def xavier_init(n_in, n_out, seed=None):
    limit = np.sqrt(6 / (n_in + n_out))
    return np.random.uniform(-limit, limit, size=(n_in, n_out))


def he_init(n_in, n_out, seed=None):
    return np.random.randn(n_in, n_out) * np.sqrt(2 / n_in)
