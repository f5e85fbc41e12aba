import numpy as np


def confusion_matrix(y_true, y_pred, n_classes=None):
    if n_classes is None:
        n_classes = max(max(y_true), max(y_pred)) + 1
    C = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        C[t, p] += 1
    return C
