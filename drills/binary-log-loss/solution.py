"""Binary log loss with clipping, so that confident mistakes cost a lot but never infinity."""

import numpy as np


def binary_log_loss(y_true, p, eps=1e-15):
    """Return the mean binary cross-entropy of 0/1 labels y_true under probabilities p."""
    y = np.asarray(y_true, dtype=float)
    # Clip both ends: p = 0 breaks log(p) and p = 1 breaks log(1 - p).
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
