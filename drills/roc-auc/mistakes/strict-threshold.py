import numpy as np


def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    thresholds = np.r_[np.inf, np.unique(scores)[::-1]]
    predicted = scores[None, :] > thresholds[:, None]  # (n_thresholds, n)
    pos = y_true == 1
    tpr = (predicted & pos).sum(axis=1) / pos.sum()
    fpr = (predicted & ~pos).sum(axis=1) / (~pos).sum()
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    fpr, tpr, _ = roc_curve(y_true, scores)
    return np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
