"""Binary precision, recall and F1 from the confusion counts, with 0.0 for zero divisions."""

import numpy as np


def _safe_div(num, den):
    """num / den, or 0.0 when the denominator is 0 (scikit-learn's zero_division=0)."""
    return num / den if den > 0 else 0.0


def precision_recall_f1(y_true, y_pred):
    """Return (precision, recall, f1) for binary 0/1 labels, the positive class being 1."""
    actual = np.asarray(y_true) == 1
    predicted = np.asarray(y_pred) == 1
    tp = np.sum(actual & predicted)
    fp = np.sum(~actual & predicted)  # predicted positive, actually negative
    fn = np.sum(actual & ~predicted)  # actually positive, missed
    precision = _safe_div(tp, tp + fp)
    recall = _safe_div(tp, tp + fn)
    f1 = _safe_div(2 * precision * recall, precision + recall)
    return precision, recall, f1
