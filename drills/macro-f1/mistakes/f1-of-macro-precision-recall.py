import numpy as np


def macro_f1(y_true, y_pred, n_classes=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if n_classes is None:
        n_classes = max(y_true.max(), y_pred.max()) + 1
    precisions, recalls = [], []
    for c in range(n_classes):
        tp = np.sum((y_true == c) & (y_pred == c))
        n_pred, n_true = np.sum(y_pred == c), np.sum(y_true == c)
        precisions.append(tp / n_pred if n_pred else 0.0)
        recalls.append(tp / n_true if n_true else 0.0)
    p, r = np.mean(precisions), np.mean(recalls)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0
