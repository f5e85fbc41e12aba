"""ReLU: max(0, x) element-wise."""

import numpy as np


def relu(x):
    """Return max(0, x) element-wise, as a new array of the same shape as x."""
    # np.maximum broadcasts the scalar 0 and allocates a new array: x is left untouched.
    return np.maximum(np.asarray(x), 0)
