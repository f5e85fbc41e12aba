"""Xavier/Glorot and He/Kaiming weight initialization, from scratch with NumPy."""

import numpy as np


def xavier_init(n_in, n_out, seed=None):
    """Return an (n_in, n_out) matrix drawn from U(-limit, limit), limit = sqrt(6 / (n_in + n_out)).

    seed: int or None, for np.random.default_rng(seed); the same seed gives the same matrix.
    """
    # TODO: create the generator from the seed
    # TODO: compute the limit and draw the whole matrix at once
    raise NotImplementedError


def he_init(n_in, n_out, seed=None):
    """Return an (n_in, n_out) matrix drawn from N(0, std**2), std = sqrt(2 / n_in).

    seed: int or None, for np.random.default_rng(seed); the same seed gives the same matrix.
    """
    # TODO: create the generator from the seed
    # TODO: draw the whole matrix from a normal distribution with the He standard deviation
    raise NotImplementedError
