"""ROC curve by sorting once and cumulating counts; AUC by the trapezoid rule."""

import numpy as np


def roc_curve(y_true, scores):
    """Return (fpr, tpr, thresholds): thresholds are np.inf then the distinct scores, decreasing."""
    y_true = np.asarray(y_true)
    scores = np.asarray(scores, dtype=float)
    order = np.argsort(-scores)  # decreasing score
    s = scores[order]
    positive = y_true[order] == 1
    # Lowering the threshold to a score admits all samples with that score at once, so keep only
    # the last position of each group of equal scores (where the next score differs, and the end).
    ends = np.append(np.flatnonzero(np.diff(s)), s.size - 1)
    tps = np.cumsum(positive)[ends]  # true positives with score >= s[end]
    fps = ends + 1 - tps  # the other samples admitted so far are false positives
    fpr = np.concatenate(([0.0], fps / fps[-1]))  # the last point admits every sample: fps[-1] = N
    tpr = np.concatenate(([0.0], tps / tps[-1]))
    thresholds = np.concatenate(([np.inf], s[ends]))
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    """Return the area under the ROC curve (trapezoid rule); ties between scores count 1/2."""
    fpr, tpr, _ = roc_curve(y_true, scores)
    # A group of tied scores gives a diagonal segment; its trapezoid counts the tied pairs as 1/2.
    return np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
