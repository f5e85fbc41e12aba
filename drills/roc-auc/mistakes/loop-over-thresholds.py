import numpy as np


def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos = y_true == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    thresholds = [np.inf] + sorted(set(scores.tolist()), reverse=True)
    fpr, tpr = [], []
    for t in thresholds:
        predicted = scores >= t
        tpr.append(np.sum(predicted & pos) / n_pos)
        fpr.append(np.sum(predicted & ~pos) / n_neg)
    return np.array(fpr), np.array(tpr), np.array(thresholds)


def roc_auc(y_true, scores):
    fpr, tpr, _ = roc_curve(y_true, scores)
    return np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
