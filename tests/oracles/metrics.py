"""Independent oracles for the numeric questions of content/04-metrics.yaml.

Classification metrics are computed from synthetic label arrays built from the confusion counts
(the way a metrics library would see them), regression metrics from NumPy arrays, and AUC from the
ROC curve with the trapezoid rule, so none of them reuses the YAML expression.
"""

from __future__ import annotations

import numpy as np


def _labels(tp=0, fp=0, fn=0, tn=0):
    """y_true / y_pred arrays that realise the given confusion counts."""
    y_true = np.array([1] * tp + [0] * fp + [1] * fn + [0] * tn)
    y_pred = np.array([1] * tp + [1] * fp + [0] * fn + [0] * tn)
    return y_true, y_pred


def _precision_from_labels(y_true, y_pred):
    flagged = y_pred == 1
    return float(np.mean(y_true[flagged] == 1))


def _recall_from_labels(y_true, y_pred):
    actual = y_true == 1
    return float(np.mean(y_pred[actual] == 1))


def _accuracy(tp, tn, fp, fn):
    y_true, y_pred = _labels(tp=tp, fp=fp, fn=fn, tn=tn)
    return float(np.mean(y_true == y_pred))


def _precision(tp, fp):
    return _precision_from_labels(*_labels(tp=tp, fp=fp))


def _recall(tp, fn):
    return _recall_from_labels(*_labels(tp=tp, fn=fn))


def _specificity(tn, fp):
    y_true, y_pred = _labels(fp=fp, tn=tn)
    negatives = y_true == 0
    return float(np.mean(y_pred[negatives] == 0))


def _harmonic_mean(a, b):
    return 2.0 / (1.0 / a + 1.0 / b)


def _f1_counts(tp, fp, fn):
    y_true, y_pred = _labels(tp=tp, fp=fp, fn=fn)
    return _harmonic_mean(_precision_from_labels(y_true, y_pred), _recall_from_labels(y_true, y_pred))


def _f1_pr(p, r):
    return _harmonic_mean(p, r)


def _precision_prevalence(prev, tpr, spec):
    # Expected confusion counts for a large population.
    n = 10_000_000.0
    pos = n * prev
    neg = n - pos
    tp = tpr * pos
    fp = (1 - spec) * neg
    return tp / (tp + fp)


def _log_loss(p, y):
    probs = np.array([1 - p, p])  # P(class 0), P(class 1)
    return float(-np.log(probs[y]))


def _mse(y1, y2, y3, p1, p2, p3):
    e = np.array([y1, y2, y3], dtype=float) - np.array([p1, p2, p3], dtype=float)
    return float(e @ e / e.size)


def _rmse(y1, y2, y3, p1, p2, p3):
    e = np.array([y1, y2, y3], dtype=float) - np.array([p1, p2, p3], dtype=float)
    return float(np.linalg.norm(e) / np.sqrt(e.size))


def _mae(y1, y2, y3, y4, p1, p2, p3, p4):
    e = np.array([y1, y2, y3, y4], dtype=float) - np.array([p1, p2, p3, p4], dtype=float)
    return float(np.linalg.norm(e, ord=1) / e.size)


def _r2(y1, y2, y3, y4, p1, p2, p3, p4):
    y = np.array([y1, y2, y3, y4], dtype=float)
    yhat = np.array([p1, p2, p3, p4], dtype=float)
    mse_model = np.mean((y - yhat) ** 2)
    mse_mean = np.var(y)  # MSE of always predicting the mean
    return float(1 - mse_model / mse_mean)


def _bias_variance(bias, var, noise):
    # Exact expectation over a small discrete world: the prediction error is bias + delta, where
    # delta = +-sqrt(var) (variance over training sets), and the label noise eps = +-sqrt(noise),
    # all four combinations equally likely and independent.
    deltas = np.array([np.sqrt(var), -np.sqrt(var)])
    epss = np.array([np.sqrt(noise), -np.sqrt(noise)])
    errors = [(bias + d - e) ** 2 for d in deltas for e in epss]
    return float(np.mean(errors))


def _auc_pairs():
    pos = np.array([0.9, 0.75, 0.6, 0.35])
    neg = np.array([0.8, 0.5, 0.3, 0.2])
    scores = np.concatenate([pos, neg])
    labels = np.concatenate([np.ones(pos.size), np.zeros(neg.size)])
    tpr, fpr = [0.0], [0.0]
    for t in np.sort(scores)[::-1]:
        pred = scores >= t
        tpr.append(np.sum(pred & (labels == 1)) / pos.size)
        fpr.append(np.sum(pred & (labels == 0)) / neg.size)
    tpr, fpr = np.array(tpr), np.array(fpr)
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))



def _grid_search_fits(a, b, c, k):
    # enumerate every (configuration, fold) pair the search would fit, plus the final refit
    import itertools

    grid = list(itertools.product(range(int(a)), range(int(b)), range(int(c))))
    fits = [(cfg, fold) for cfg in grid for fold in range(int(k))]
    return len(fits) + 1


ORACLES = {
    "metrics-accuracy-param-01": _accuracy,
    "metrics-precision-param-01": _precision,
    "metrics-recall-param-01": _recall,
    "metrics-specificity-param-01": _specificity,
    "metrics-f1-param-01": _f1_counts,
    "metrics-f1-param-02": _f1_pr,
    "metrics-precision-prevalence-param-01": _precision_prevalence,
    "metrics-log-loss-param-01": _log_loss,
    "metrics-mse-param-01": _mse,
    "metrics-rmse-param-01": _rmse,
    "metrics-mae-param-01": _mae,
    "metrics-r2-param-01": _r2,
    "metrics-bias-variance-param-01": _bias_variance,
    "metrics-auc-pairs-01": _auc_pairs,
    "metrics-grid-search-count-param-01": _grid_search_fits,
}
