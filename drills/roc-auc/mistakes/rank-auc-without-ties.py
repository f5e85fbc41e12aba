import numpy as np


def roc_curve(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    order = np.argsort(-scores)
    s, y = scores[order], y_true[order]
    ends = np.r_[np.where(np.diff(s) != 0)[0], len(s) - 1]
    tps = np.cumsum(y == 1)[ends]
    fps = np.cumsum(y == 0)[ends]
    fpr = np.r_[0.0, fps / fps[-1]]
    tpr = np.r_[0.0, tps / tps[-1]]
    return fpr, tpr, np.r_[np.inf, s[ends]]


def roc_auc(y_true, scores):
    # Mann-Whitney U from ranks, but with ordinal ranks: ties are broken by position.
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    ranks = np.argsort(np.argsort(scores)) + 1
    n_pos = np.sum(y_true == 1)
    n_neg = len(y_true) - n_pos
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)
