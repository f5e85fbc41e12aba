"""Leaky ReLU and its derivative."""

import numpy as np


def leaky_relu(x, alpha=0.01):
    """Return x where x > 0 and alpha * x elsewhere, as a new float array of the same shape."""
    x = np.asarray(x, dtype=float)
    # For 0 <= alpha < 1, alpha * x is the larger of the two exactly when x <= 0.
    return np.maximum(x, alpha * x)


def leaky_relu_grad(x, alpha=0.01):
    """Return the derivative of leaky_relu: 1 where x > 0, alpha elsewhere (alpha at x == 0)."""
    x = np.asarray(x, dtype=float)
    # The kink at 0 gets the slope alpha, the convention of PyTorch's leaky_relu backward.
    return np.where(x > 0, 1.0, alpha)
