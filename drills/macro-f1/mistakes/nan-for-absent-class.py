import numpy as np


def macro_f1(y_true, y_pred, n_classes=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if n_classes is None:
        n_classes = max(y_true.max(), y_pred.max()) + 1
    tp = np.bincount(y_true[y_true == y_pred], minlength=n_classes)
    n_true = np.bincount(y_true, minlength=n_classes)
    n_pred = np.bincount(y_pred, minlength=n_classes)
    precision = tp / n_pred
    recall = tp / n_true
    f1 = 2 * precision * recall / (precision + recall)
    return float(np.mean(f1))
