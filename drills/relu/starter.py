"""ReLU, from scratch with NumPy."""

import numpy as np


def relu(x):
    """Return max(0, x) element-wise, as a new array of the same shape as x.

    x: np.ndarray of any shape. Must not be modified.
    """
    # TODO: replace negative values by 0 without changing x
    raise NotImplementedError
