"""Accuracy: the fraction of correct predictions."""

import numpy as np


def accuracy(y_true, y_pred):
    """Return the fraction of samples where y_pred equals y_true, as a float in [0, 1]."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    # `==` gives one boolean per sample; the mean of booleans is the fraction of True values.
    return np.mean(y_true == y_pred)
