"""Inverted dropout, from scratch with NumPy."""

import numpy as np


def dropout(x, p, training=True, seed=None):
    """Apply inverted dropout to x; return (out, mask).

    x: np.ndarray of any shape (int or float). Must not be modified.
    p: probability of DROPPING each element, 0 <= p < 1.
    training: if False, dropout is off: return x unchanged and a mask of ones.
    seed: int or None, for np.random.default_rng(seed); the same seed gives the same mask.
    Returns out (float, shape of x) and mask (shape of x, 1 = kept, 0 = dropped), with
    out = x * mask / (1 - p) during training.
    """
    # TODO: evaluation mode: identity and a mask of ones
    # TODO: draw one independent keep/drop decision per element (keep with probability 1 - p)
    # TODO: zero the dropped elements and divide the kept ones by 1 - p
    raise NotImplementedError
