"""Binary log loss (binary cross-entropy), from scratch with NumPy."""

import numpy as np


def binary_log_loss(y_true, p, eps=1e-15):
    """Return the mean binary cross-entropy of 0/1 labels y_true under probabilities p.

    y_true: 1-D 0/1 labels; p: 1-D probabilities of the positive class, same length.
    Probabilities are clipped into [eps, 1 - eps] before taking logs.
    """
    # TODO: convert the inputs to float arrays
    # TODO: clip p into [eps, 1 - eps]
    # TODO: return the mean of -(y log p + (1 - y) log(1 - p))
    raise NotImplementedError
