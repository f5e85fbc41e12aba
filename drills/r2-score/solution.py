"""R²: the fraction of the variance of y_true that the predictions explain."""

import numpy as np


def r2_score(y_true, y_pred):
    """Return 1 - SS_res / SS_tot (can be negative); for a constant y_true, 1.0 if perfect else 0.0."""
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    ss_res = np.sum((y_true - y_pred) ** 2)
    ss_tot = np.sum((y_true - y_true.mean()) ** 2)  # the error of always predicting the mean
    # Constant target (all values equal, decided exactly: for [0.1, 0.1, 0.1] the rounded mean is off by
    # an ulp and the computed SS_tot is ~6e-34, not 0): R² is undefined; use scikit-learn's
    # force_finite convention.
    if np.ptp(y_true) == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1 - ss_res / ss_tot  # no clipping: worse than the mean gives R² < 0
