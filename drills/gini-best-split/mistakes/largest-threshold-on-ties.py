import numpy as np


def _imp(counts, criterion):
    counts = np.asarray(counts, dtype=float)
    n = counts.sum(axis=-1, keepdims=True)
    p = counts / np.where(n > 0, n, 1.0)
    if criterion == "gini":
        return 1.0 - np.sum(p ** 2, axis=-1)
    return -np.sum(p * np.log2(np.where(p > 0, p, 1.0)), axis=-1)


def gini(y):
    if np.size(y) == 0:
        return 0.0
    return float(_imp(np.unique(y, return_counts=True)[1], "gini"))


def entropy(y):
    if np.size(y) == 0:
        return 0.0
    return float(_imp(np.unique(y, return_counts=True)[1], "entropy"))


def best_split(x, y, criterion="gini"):
    if criterion not in ("gini", "entropy"):
        raise ValueError(criterion)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    n = x.size
    order = np.argsort(x, kind="stable")
    xs = x[order]
    codes = np.unique(y[order], return_inverse=True)[1].ravel()
    onehot = np.eye(codes.max() + 1)[codes]
    left = np.cumsum(onehot, axis=0)[:-1]
    right = onehot.sum(axis=0) - left
    valid = xs[1:] > xs[:-1]
    if not valid.any():
        return None, 0.0
    nl = np.arange(1, n)
    weighted = (nl * _imp(left, criterion) + (n - nl) * _imp(right, criterion)) / n
    gains = np.where(valid, _imp(onehot.sum(axis=0), criterion) - weighted, -np.inf)
    i = len(gains) - 1 - int(np.argmax(gains[::-1]))
    return float((xs[i] + xs[i + 1]) / 2), float(gains[i])
