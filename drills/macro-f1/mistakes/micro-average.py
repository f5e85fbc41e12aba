import numpy as np


def macro_f1(y_true, y_pred, n_classes=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if n_classes is None:
        n_classes = max(y_true.max(), y_pred.max()) + 1
    tp = fp = fn = 0
    for c in range(n_classes):
        tp += np.sum((y_true == c) & (y_pred == c))
        fp += np.sum((y_true != c) & (y_pred == c))
        fn += np.sum((y_true == c) & (y_pred != c))
    return 2 * tp / (2 * tp + fp + fn)
