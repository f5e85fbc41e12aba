"""Independent oracles for the numeric questions of content/13-trees-ensembles.yaml.

Impurities are computed from synthetic label arrays (Gini as the probability that two labels drawn
with replacement disagree, entropy from np.unique counts), the bootstrap fraction by a Markov chain
over the number of distinct rows drawn, forest variance from an explicit covariance matrix, AdaBoost
by running one reweighting on arrays, the log-loss gradient by a complex-step derivative, and the
XGBoost quantities by minimising the quadratic leaf objective numerically. None of them reuses the
YAML expression.
"""

from __future__ import annotations

import numpy as np


def _labels(*counts):
    return np.concatenate([np.full(c, k) for k, c in enumerate(counts)]).astype(int)


def _gini_labels(y):
    y = np.asarray(y)
    return float(np.mean(y[:, None] != y[None, :]))  # P(two draws with replacement differ)


def _entropy_labels(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / counts.sum()
    return float(-np.sum(p * np.log(p)) / np.log(2.0))


def _gini2(a, b):
    return _gini_labels(_labels(a, b))


def _gini3(a, b, c):
    return _gini_labels(_labels(a, b, c))


def _entropy(a, b):
    return _entropy_labels(_labels(a, b))


def _split_gain(impurity, l1, l0, r1, r0):
    left = _labels(l0, l1)
    right = _labels(r0, r1)
    parent = np.concatenate([left, right])
    n = parent.size
    return impurity(parent) - left.size / n * impurity(left) - right.size / n * impurity(right)


def _information_gain(l1, l0, r1, r0):
    return _split_gain(_entropy_labels, l1, l0, r1, r0)


def _gini_decrease(l1, l0, r1, r0):
    return _split_gain(_gini_labels, l1, l0, r1, r0)


def _variance_reduction():
    y = np.array([2, 4, 6, 14, 16, 18], dtype=float)
    left, right = y[:3], y[3:]
    return float(np.var(y) - 0.5 * np.var(left) - 0.5 * np.var(right))


def _bootstrap_unique(n):
    # dist[d] = P(d distinct rows seen so far); each draw finds a new row with prob (n - d) / n.
    dist = np.zeros(n + 1)
    dist[0] = 1.0
    d = np.arange(n + 1)
    for _ in range(n):
        new = np.zeros(n + 1)
        new += dist * d / n                  # draw an already-seen row
        new[1:] += dist[:-1] * (n - d[:-1]) / n  # draw a new row
        dist = new
    return float(dist @ d / n)


def _forest_variance(rho, s2, b):
    cov = np.full((b, b), rho * s2)
    np.fill_diagonal(cov, s2)
    w = np.full(b, 1.0 / b)
    return float(w @ cov @ w)


def _adaboost_alpha(eps):
    return float(np.arctanh(1 - 2 * eps))


def _adaboost_weight(n, k):
    y = np.ones(n)
    h = np.ones(n)
    h[:k] = -1  # the first k samples are misclassified
    w = np.full(n, 1.0 / n)
    err = w[h != y].sum()
    alpha = np.log((1 - err) / err) / 2
    w = w * np.exp(-alpha * y * h)
    w = w / w.sum()
    return float(w[0])


def _pseudo_residual(y, f):
    # Log loss as a function of the raw score: log(1 + e^F) - y F; complex-step derivative.
    h = 1e-20
    z = complex(f, h)
    loss = np.log(1 + np.exp(z)) - y * z
    return float(-loss.imag / h)


def _shrinkage(y, f0, nu, k):
    pred = float(f0)
    for _ in range(k):
        pred += nu * (y - pred)
    return pred


def _quad_min(g, h, lam):
    """Minimiser and minimum of G w + (H + lam) w^2 / 2, found by fitting the parabola."""
    ws = np.array([-1.0, 0.0, 1.0])
    vals = g * ws + 0.5 * (h + lam) * ws ** 2
    a, b, c = np.polyfit(ws, vals, 2)
    w = -b / (2 * a)
    return w, g * w + 0.5 * (h + lam) * w ** 2


def _xgb_leaf(g, h, lam):
    return float(_quad_min(g, h, lam)[0])


def _xgb_gain(gl, hl, gr, hr, lam, gamma):
    parent = _quad_min(gl + gr, hl + hr, lam)[1]
    left = _quad_min(gl, hl, lam)[1]
    right = _quad_min(gr, hr, lam)[1]
    return float(parent - left - right - gamma)


ORACLES = {
    "trees-ensembles-gini-param-01": _gini2,
    "trees-ensembles-gini-param-02": _gini3,
    "trees-ensembles-entropy-param-01": _entropy,
    "trees-ensembles-information-gain-param-01": _information_gain,
    "trees-ensembles-gini-decrease-param-01": _gini_decrease,
    "trees-ensembles-variance-reduction-01": _variance_reduction,
    "trees-ensembles-bootstrap-param-01": _bootstrap_unique,
    "trees-ensembles-forest-variance-param-01": _forest_variance,
    "trees-ensembles-adaboost-alpha-param-01": _adaboost_alpha,
    "trees-ensembles-adaboost-weight-param-01": _adaboost_weight,
    "trees-ensembles-pseudo-residual-param-01": _pseudo_residual,
    "trees-ensembles-shrinkage-param-01": _shrinkage,
    "trees-ensembles-xgboost-leaf-param-01": _xgb_leaf,
    "trees-ensembles-xgboost-gain-param-01": _xgb_gain,
}
