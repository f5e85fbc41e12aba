"""Root mean squared error, from scratch with NumPy."""

import numpy as np


def rmse(y_true, y_pred):
    """Return sqrt(mean((y_true - y_pred) ** 2)) over all elements, as a float.

    y_true, y_pred: array-likes of the same shape (any number of dimensions, any numeric dtype).
    """
    # TODO: convert the inputs to float arrays
    # TODO: square the errors, average them, then take the square root
    raise NotImplementedError
