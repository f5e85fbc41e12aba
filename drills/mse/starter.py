"""Mean squared error, from scratch with NumPy."""

import numpy as np


def mse(y_true, y_pred):
    """Return the mean of the squared differences between y_true and y_pred, as a float.

    y_true, y_pred: array-likes of the same shape (any number of dimensions).
    """
    # TODO: convert the inputs to float arrays
    # TODO: return the mean of the squared differences
    raise NotImplementedError
