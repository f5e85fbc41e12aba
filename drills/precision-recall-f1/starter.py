"""Binary precision, recall and F1, from scratch with NumPy."""

import numpy as np


def precision_recall_f1(y_true, y_pred):
    """Return (precision, recall, f1) for binary 0/1 labels, the positive class being 1.

    y_true, y_pred: 1-D array-likes of 0/1 integers, same length.
    Any ratio whose denominator is 0 is 0.0.
    """
    # TODO: count TP, FP and FN with boolean masks
    # TODO: precision = TP / (TP + FP), recall = TP / (TP + FN), 0.0 when the denominator is 0
    # TODO: f1 = harmonic mean of precision and recall, 0.0 when precision + recall is 0
    raise NotImplementedError
