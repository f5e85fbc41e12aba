"""Macro F1: the plain mean of the one-vs-rest F1 score of every class."""

import numpy as np


def macro_f1(y_true, y_pred, n_classes=None):
    """Return the unweighted mean over classes 0..n_classes-1 of the one-vs-rest F1 scores."""
    y_true = np.asarray(y_true, dtype=int)
    y_pred = np.asarray(y_pred, dtype=int)
    if n_classes is None:
        n_classes = max(y_true.max(), y_pred.max()) + 1
    # Per-class counts in one pass each: TP_c are the correct predictions of class c, and
    # 2·TP_c + FP_c + FN_c = (#true c) + (#predicted c).
    tp = np.bincount(y_true[y_true == y_pred], minlength=n_classes)
    denom = np.bincount(y_true, minlength=n_classes) + np.bincount(y_pred, minlength=n_classes)
    # F1_c is 0 whenever TP_c is 0; dividing only where TP_c > 0 also avoids the 0/0 of absent classes.
    f1 = np.divide(2 * tp, denom, out=np.zeros(n_classes), where=tp > 0)
    return np.mean(f1)
