import numpy as np


def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    order = np.argsort(scores)
    s, y = scores[order], y_true[order]
    ends = np.r_[np.where(np.diff(s) != 0)[0], len(s) - 1]
    tps = np.cumsum(y == 1)[ends]
    fps = np.cumsum(y == 0)[ends]
    fpr = np.r_[0.0, fps / fps[-1]]
    tpr = np.r_[0.0, tps / tps[-1]]
    return fpr, tpr, np.r_[np.inf, s[ends]]


def roc_auc(y_true, scores):
    fpr, tpr, _ = roc_curve(y_true, scores)
    return np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
