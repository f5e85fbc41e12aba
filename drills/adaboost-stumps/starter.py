"""Discrete AdaBoost with decision stumps (labels -1/+1), from scratch with NumPy."""

import numpy as np


def adaboost_fit(X, y, n_rounds):
    """Return a list of n_rounds tuples (feature, threshold, polarity, alpha).

    A stump predicts polarity * (+1 if x[feature] > threshold else -1). Each round picks the stump
    with the smallest weighted error (ties: feature, threshold, polarity +1 first), clips the error to
    [1e-10, 1 - 1e-10], alpha = 0.5 * ln((1 - err) / err), w *= exp(-alpha * y * h), w /= w.sum().
    Raise ValueError if y has values other than -1 and +1.
    """
    # TODO: validate y; weights w = 1/n
    # TODO: per round: weighted error of every (feature, midpoint threshold, polarity) via sorted cumulative sums
    # TODO: clip the error, alpha, weight update, renormalise, append the stump
    raise NotImplementedError


def adaboost_predict(model, X):
    """sign(sum of alpha * h(x)) per row, with 0 -> +1; int array of -1/+1."""
    # TODO
    raise NotImplementedError
