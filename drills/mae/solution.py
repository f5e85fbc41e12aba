"""Mean absolute error: the average absolute residual."""

import numpy as np


def mae(y_true, y_pred):
    """Return mean(|y_true - y_pred|) over all elements, as a float."""
    # Float first: unsigned integers would wrap around when subtracted.
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    return np.mean(np.abs(y_true - y_pred))
