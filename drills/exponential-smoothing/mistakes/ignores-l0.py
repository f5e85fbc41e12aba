import numpy as np


def ses(y, alpha, l0=None):
    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or y.size == 0 or not np.all(np.isfinite(y)) or not 0 < alpha <= 1:
        raise ValueError("invalid input")
    level0 = y[0]
    if not np.isfinite(level0):
        raise ValueError("l0 must be finite")
    level = np.empty_like(y)
    prev = level0
    for t in range(len(y)):
        prev = alpha * y[t] + (1 - alpha) * prev
        level[t] = prev
    fitted = np.concatenate(([level0], level[:-1]))
    return fitted, level
