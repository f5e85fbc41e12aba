"""One gradient descent step, from scratch with NumPy."""

import numpy as np


def gd_step(params, grads, lr):
    """Return the new parameters after one gradient descent step: p - lr * g for each pair.

    params: list of float arrays (any shapes); grads: list of arrays of the same shapes; lr: float.
    Returns a new list of new arrays, in the same order. Must not modify params or grads.
    """
    # TODO: pair each parameter with its gradient (zip)
    # TODO: compute p - lr * g as a NEW array (no in-place -=) and collect the results in a list
    raise NotImplementedError
