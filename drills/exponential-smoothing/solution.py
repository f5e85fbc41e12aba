"""Simple exponential smoothing: the level recursion and its one-step-ahead forecasts."""

import numpy as np


def ses(y, alpha, l0=None):
    """Return (fitted, level): fitted[t] = forecast of y[t] made at t-1, level[t] = level after y[t]."""
    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be a non-empty 1-D array")
    if not np.all(np.isfinite(y)):
        raise ValueError("y contains NaN or inf")
    if not 0.0 < alpha <= 1.0:
        raise ValueError("alpha must be in (0, 1]")
    initial = y[0] if l0 is None else l0  # the level before the first observation
    if not np.isfinite(initial):
        raise ValueError("l0 must be finite")
    # The recursion is inherently sequential: one O(1) update per observation, on Python floats.
    level = np.empty_like(y)
    current = initial
    for t, value in enumerate(y.tolist()):
        current += alpha * (value - current)  # = alpha * y_t + (1 - alpha) * level_(t-1)
        level[t] = current
    fitted = np.concatenate(([initial], level[:-1]))  # ŷ_t = level_(t-1): uses only y_0 .. y_(t-1)
    return fitted, level
