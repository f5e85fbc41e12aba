"""Xavier/Glorot uniform and He/Kaiming normal initialization."""

import numpy as np


def xavier_init(n_in, n_out, seed=None):
    """Return an (n_in, n_out) matrix drawn from U(-limit, limit), limit = sqrt(6 / (n_in + n_out))."""
    # Var(U(-L, L)) = L² / 3, so this limit gives Var(W) = 2 / (n_in + n_out): a compromise that
    # preserves the variance of activations (fan-in) and of gradients (fan-out).
    limit = np.sqrt(6 / (n_in + n_out))
    return np.random.default_rng(seed).uniform(-limit, limit, size=(n_in, n_out))


def he_init(n_in, n_out, seed=None):
    """Return an (n_in, n_out) matrix drawn from N(0, std**2), std = sqrt(2 / n_in)."""
    # ReLU zeroes half of its inputs, halving the signal's variance; Var(W) = 2 / n_in makes up for it.
    return np.random.default_rng(seed).normal(0.0, np.sqrt(2 / n_in), size=(n_in, n_out))
