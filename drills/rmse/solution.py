"""Root mean squared error: the square root of the mean squared residual."""

import numpy as np


def rmse(y_true, y_pred):
    """Return sqrt(mean((y_true - y_pred) ** 2)) over all elements, as a float."""
    # Float first: unsigned integers would wrap around when subtracted.
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    return np.sqrt(np.mean((y_true - y_pred) ** 2))
