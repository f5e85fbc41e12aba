"""Categorical cross-entropy: the mean negative log-probability of the true class."""

import numpy as np


def categorical_cross_entropy(Y_true, P, eps=1e-15):
    """Return the mean over samples of -sum_k Y_true[i, k] * log(max(P[i, k], eps))."""
    Y = np.asarray(Y_true, dtype=float)
    # Clip from below: log(p) -> -inf as p -> 0 (and 0 * -inf is nan); p <= 1 needs no upper clip.
    P = np.maximum(np.asarray(P, dtype=float), eps)
    # Sum over the classes (only the true class survives the one-hot mask), mean over the samples.
    return -np.mean(np.sum(Y * np.log(P), axis=1))
