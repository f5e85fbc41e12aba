"""Confusion matrix: counts of (true class, predicted class) pairs."""

import numpy as np


def confusion_matrix(y_true, y_pred, n_classes=None):
    """Return C with C[i, j] = number of samples of true class i predicted as class j."""
    y_true = np.asarray(y_true, dtype=int)
    y_pred = np.asarray(y_pred, dtype=int)
    if n_classes is None:
        n_classes = max(y_true.max(), y_pred.max()) + 1
    # Encode each (true, predicted) pair as one cell index of the flattened matrix, then count
    # all pairs at once; minlength keeps the cells (and classes) that never occur.
    cells = y_true * n_classes + y_pred
    counts = np.bincount(cells, minlength=n_classes ** 2)
    return counts.reshape(n_classes, n_classes)
