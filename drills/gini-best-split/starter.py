"""Gini impurity, entropy and the best threshold split of one feature, from scratch with NumPy."""

import numpy as np


def gini(y):
    """Gini impurity 1 - Σ p_k² of the labels y; 0.0 for an empty y."""
    # TODO: class counts (np.unique(..., return_counts=True)) -> proportions -> 1 - Σ p²
    raise NotImplementedError


def entropy(y):
    """Entropy -Σ p_k log2 p_k of the labels y, in bits; 0.0 for an empty y."""
    # TODO: same proportions, then -Σ p log2 p (only over p > 0)
    raise NotImplementedError


def best_split(x, y, criterion="gini"):
    """Return (threshold, gain) of the best split x <= threshold; (None, 0.0) if x is constant.

    Thresholds are midpoints between consecutive distinct sorted values of x; gain is the parent
    impurity minus the size-weighted impurity of the children; ties go to the smallest threshold.
    criterion is "gini" or "entropy" (anything else: ValueError).
    """
    # TODO: validate criterion
    # TODO: sort x and y together
    # TODO: class counts of every left side at once (cumulative sum of one-hot labels); right = total - left
    # TODO: keep only positions between distinct values; gain per position; argmax -> midpoint
    raise NotImplementedError
