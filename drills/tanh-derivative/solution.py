"""Tanh and its derivative, expressed through the activation."""

import numpy as np


def tanh(x):
    """Return tanh(x) element-wise, as a new float array of the same shape as x."""
    # np.tanh is stable: it saturates to exactly ±1 instead of computing inf / inf.
    return np.tanh(np.asarray(x, dtype=float))


def tanh_grad(x):
    """Return d/dx tanh(x) = 1 - tanh(x)**2 element-wise, for the input x."""
    # The derivative is a function of the activation t = tanh(x), which the forward pass has
    # already computed: backprop usually caches t rather than x.
    t = np.tanh(np.asarray(x, dtype=float))
    return 1 - t ** 2
