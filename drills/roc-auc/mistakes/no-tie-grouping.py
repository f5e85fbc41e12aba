import numpy as np


def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    order = np.argsort(-scores, kind="stable")
    y = y_true[order]
    tps = np.cumsum(y == 1)
    fps = np.cumsum(y == 0)
    fpr = np.concatenate(([0.0], fps / fps[-1]))
    tpr = np.concatenate(([0.0], tps / tps[-1]))
    thresholds = np.concatenate(([np.inf], scores[order]))
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    fpr, tpr, _ = roc_curve(y_true, scores)
    return np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
