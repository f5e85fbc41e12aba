"""Gini impurity, entropy and the best threshold split of one numeric feature."""

import numpy as np


def _proportions(y):
    """Class proportions of the labels (classes with no sample do not appear)."""
    _, counts = np.unique(np.asarray(y), return_counts=True)
    return counts / counts.sum()  # an empty y gives an empty p


def gini(y):
    """Gini impurity 1 - Σ p_k² of the labels y (0.0 for an empty array)."""
    p = _proportions(y)
    return np.sum(p * (1.0 - p))  # = 1 - Σ p² since Σ p = 1, and 0 for no labels


def entropy(y):
    """Shannon entropy -Σ p_k log2 p_k of the labels y, in bits (0.0 for an empty array)."""
    p = _proportions(y)  # every p > 0 here, so log2 is finite
    return -np.sum(p * np.log2(p))


def _impurity_rows(counts, criterion):
    """Impurity of each row of a (m, K) matrix of class counts (every row has >= 1 sample)."""
    p = counts / counts.sum(axis=1, keepdims=True)
    if criterion == "gini":
        return 1.0 - np.sum(p ** 2, axis=1)  # mutation: equivalent — a constant added to every impurity cancels in parent − weighted
    # 0 · log 0 = 0: take the log only where p > 0.
    logp = np.log2(p, out=np.zeros_like(p), where=p > 0)  # mutation: equivalent — the fill value is multiplied by p = 0
    return -np.sum(p * logp, axis=1)


def best_split(x, y, criterion="gini"):
    """Best threshold for splitting on x (left: x <= threshold) and its impurity decrease.

    Returns (threshold, gain); (None, 0.0) when x has fewer than two distinct values.
    """
    if criterion not in ("gini", "entropy"):
        raise ValueError(f"criterion must be 'gini' or 'entropy', got {criterion!r}")
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    n = x.size
    order = np.argsort(x)
    xs = x[order]
    # A threshold can only sit between two different values.
    valid = xs[1:] > xs[:-1]
    if not valid.any():
        return None, 0.0
    classes, codes = np.unique(y[order], return_inverse=True)
    onehot = (codes[:, None] == np.arange(len(classes))).astype(float)  # (n, K)
    left = np.cumsum(onehot, axis=0)[:-1]  # row i: counts of the first i+1 sorted samples
    total = onehot.sum(axis=0)
    right = total - left
    n_left = np.arange(1, n)
    parent = _impurity_rows(total[None, :], criterion)[0]
    weighted = (n_left * _impurity_rows(left, criterion) + (n - n_left) * _impurity_rows(right, criterion)) / n
    gains = np.where(valid, parent - weighted, -np.inf)
    i = np.argmax(gains)  # the first maximum is the smallest threshold
    return (xs[i] + xs[i + 1]) / 2, gains[i]
