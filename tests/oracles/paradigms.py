"""Independent oracles for the numeric questions of the `paradigms` section.

Each function recomputes the answer from its definition (building the data the question
describes and using NumPy on it), not by copying the YAML expression.
"""

from __future__ import annotations

import itertools

import numpy as np


def _baskets(n, nx, ny, nxy):
    """Boolean transaction columns with exactly nx X-baskets, ny Y-baskets and nxy overlap."""
    x = np.zeros(n, dtype=bool)
    y = np.zeros(n, dtype=bool)
    x[:nx] = True
    start = nx - nxy            # the last nxy X-baskets also contain Y
    y[start:start + ny] = True
    assert x.sum() == nx and y.sum() == ny and (x & y).sum() == nxy
    return x, y


def support(n, nx, ny, nxy):
    x, y = _baskets(n, nx, ny, nxy)
    return np.mean(x & y)


def confidence(n, nx, ny, nxy):
    x, y = _baskets(n, nx, ny, nxy)
    return np.mean(y[x])                      # P(Y | X)


def lift(n, nx, ny, nxy):
    x, y = _baskets(n, nx, ny, nxy)
    return np.mean(y[x]) / np.mean(y)         # P(Y | X) / P(Y)


def rule_count(d):
    # enumerate every assignment of each item to X (1), Y (2) or neither (0)
    count = 0
    for assign in itertools.product((0, 1, 2), repeat=d):
        if 1 in assign and 2 in assign:
            count += 1
    return count


def silhouette(a, b):
    if a < b:
        return 1.0 - a / b
    if a > b:
        return b / a - 1.0
    return 0.0


def knn_proba(k, pos):
    neighbour_labels = np.array([1] * pos + [0] * (k - pos))
    return np.bincount(neighbour_labels, minlength=2)[1] / len(neighbour_labels)


def knn_weighted(y1, y2, y3, d1, d2, d3):
    ys = np.array([y1, y2, y3], dtype=float)
    ds = np.array([d1, d2, d3], dtype=float)
    return np.average(ys, weights=1.0 / ds)


def knn_cost(n_train, n_test, d):
    # shape of the (test x train) distance matrix that brute-force KNN fills
    shape = np.broadcast_shapes((n_test, 1), (1, n_train))
    return int(np.prod(shape, dtype=np.int64))



def ols_slope(y0, y1, y2, y3):
    # fit the line with NumPy's polynomial least squares instead of the deviation formula
    return float(np.polyfit([0.0, 1.0, 2.0, 3.0], [y0, y1, y2, y3], 1)[0])


def odds_ratio(w, d):
    # odds before and after the change, from the sigmoid at an arbitrary intercept and start value
    def odds(x, b=0.3):
        p = 1.0 / (1.0 + np.exp(-(b + w * x)))
        return p / (1.0 - p)

    return float(odds(1.7 + d) / odds(1.7))


ORACLES = {
    "paradigms-association-support-param-01": support,
    "paradigms-association-confidence-param-01": confidence,
    "paradigms-association-lift-param-01": lift,
    "paradigms-association-rules-count-param-01": rule_count,
    "paradigms-silhouette-param-01": silhouette,
    "paradigms-knn-proba-param-01": knn_proba,
    "paradigms-knn-weighted-param-01": knn_weighted,
    "paradigms-knn-cost-param-01": knn_cost,
    "paradigms-ols-slope-param-01": ols_slope,
    "paradigms-odds-ratio-param-01": odds_ratio,
}
