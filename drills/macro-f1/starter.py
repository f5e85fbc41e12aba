"""Macro-averaged F1, from scratch with NumPy."""

import numpy as np


def macro_f1(y_true, y_pred, n_classes=None):
    """Return the unweighted mean over classes 0..n_classes-1 of the one-vs-rest F1 scores.

    y_true, y_pred: 1-D array-likes of non-negative integer labels, same length.
    n_classes: number of classes; if None, max(max(y_true), max(y_pred)) + 1.
    A class whose F1 denominator is 0 (it never occurs) has F1 = 0.0.
    """
    # TODO: choose n_classes when it is None
    # TODO: per class, count TP, FP and FN (np.bincount with minlength=n_classes helps)
    # TODO: per-class F1 = 2 TP / (2 TP + FP + FN), 0.0 when the denominator is 0
    # TODO: return the plain mean over all n_classes classes
    raise NotImplementedError
