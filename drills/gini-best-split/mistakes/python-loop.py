import math

import numpy as np


def _impurity(labels, criterion):
    n = len(labels)
    if n == 0:
        return 0.0
    counts = {}
    for v in labels:
        counts[v] = counts.get(v, 0) + 1
    if criterion == "gini":
        return 1.0 - sum((c / n) ** 2 for c in counts.values())
    return -sum((c / n) * math.log2(c / n) for c in counts.values())


def gini(y):
    return _impurity(list(np.asarray(y).tolist()), "gini")


def entropy(y):
    return _impurity(list(np.asarray(y).tolist()), "entropy")


def best_split(x, y, criterion="gini"):
    if criterion not in ("gini", "entropy"):
        raise ValueError(criterion)
    pairs = sorted(zip(np.asarray(x, float).tolist(), np.asarray(y).tolist()), key=lambda p: p[0])
    xs = [p[0] for p in pairs]
    ys = [p[1] for p in pairs]
    n = len(xs)
    parent = _impurity(ys, criterion)
    best_t, best_g = None, 0.0
    for i in range(n - 1):
        if xs[i] == xs[i + 1]:
            continue
        left, right = ys[:i + 1], ys[i + 1:]
        g = parent - (len(left) * _impurity(left, criterion) + len(right) * _impurity(right, criterion)) / n
        if best_t is None or g > best_g:
            best_t, best_g = (xs[i] + xs[i + 1]) / 2, g
    return best_t, best_g
