"""Mean absolute error, from scratch with NumPy."""

import numpy as np


def mae(y_true, y_pred):
    """Return mean(|y_true - y_pred|) over all elements, as a float.

    y_true, y_pred: array-likes of the same shape (any number of dimensions, any numeric dtype).
    """
    # TODO: convert the inputs to float arrays
    # TODO: return the mean of the absolute differences
    raise NotImplementedError
