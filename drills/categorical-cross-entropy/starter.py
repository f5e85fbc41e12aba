"""Categorical cross-entropy, from scratch with NumPy."""

import numpy as np


def categorical_cross_entropy(Y_true, P, eps=1e-15):
    """Return the mean over samples of -sum_k Y_true[i, k] * log(max(P[i, k], eps)).

    Y_true: (n, k) one-hot labels; P: (n, k) predicted probabilities (rows sum to 1).
    """
    # TODO: convert the inputs to float arrays
    # TODO: clip P from below at eps so that log never sees 0
    # TODO: sum over the classes, then average over the samples
    raise NotImplementedError
