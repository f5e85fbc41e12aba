"""R² (coefficient of determination), from scratch with NumPy."""

import numpy as np


def r2_score(y_true, y_pred):
    """Return 1 - SS_res / SS_tot (can be negative).

    y_true, y_pred: 1-D array-likes of the same length.
    Constant y_true (SS_tot == 0): 1.0 if the predictions are perfect, else 0.0.
    """
    # TODO: convert the inputs to float arrays
    # TODO: residual sum of squares and total sum of squares (around the mean of y_true)
    # TODO: handle SS_tot == 0, otherwise return 1 - SS_res / SS_tot (no clipping)
    raise NotImplementedError
