"""Gradient boosting for regression with decision stumps (squared loss), from scratch with NumPy."""

import numpy as np


def gbm_fit(X, y, n_rounds, learning_rate=0.1):
    """Return {"init": mean(y), "learning_rate": lr, "stumps": [(feature, threshold, left, right), ...]}.

    Each round fits a stump to the residuals y - F (smallest SSE_left + SSE_right over all features and
    midpoint thresholds; ties -> smallest feature, then smallest threshold; leaves = mean residuals)
    and updates F += learning_rate * stump(X).
    """
    # TODO: F = mean(y) everywhere
    # TODO: each round: residuals, best stump (sorted cumulative sums), leaf means, F update
    raise NotImplementedError


def gbm_predict(model, X):
    """init + learning_rate * sum of the stumps' outputs (x[feature] <= threshold -> left value)."""
    # TODO
    raise NotImplementedError
