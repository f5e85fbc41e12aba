"""Mean squared error: the average squared residual."""

import numpy as np


def mse(y_true, y_pred):
    """Return the mean of the squared differences between y_true and y_pred, as a float."""
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    return np.mean((y_true - y_pred) ** 2)
