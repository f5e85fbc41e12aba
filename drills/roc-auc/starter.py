"""ROC curve and AUC, from scratch with NumPy."""

import numpy as np


def roc_curve(y_true, scores):
    """Return (fpr, tpr, thresholds) of a binary classifier's scores.

    y_true: 1-D 0/1 labels with at least one of each; scores: 1-D floats, same length.
    thresholds: np.inf, then the distinct scores in decreasing order (length d + 1).
    A sample is predicted positive at threshold t when score >= t.
    """
    # TODO: sort the samples by decreasing score
    # TODO: cumulative true / false positive counts (np.cumsum)
    # TODO: keep one point per group of equal scores (the last sample of each group)
    # TODO: divide by P and N; prepend the point (0, 0) with threshold np.inf
    raise NotImplementedError


def roc_auc(y_true, scores):
    """Return the area under the ROC curve (trapezoid rule); ties between scores count 1/2."""
    # TODO: trapezoid rule over the points of roc_curve
    raise NotImplementedError
