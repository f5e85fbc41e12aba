"""RMSprop: divide each step by the root mean square of recent gradients."""

import numpy as np


def rmsprop_step(params, grads, sq_avgs, lr=0.001, beta=0.9, eps=1e-8):
    """One RMSprop step; returns (new_params, new_sq_avgs) as lists of new arrays."""
    # Exponential moving average of the squared gradient, per entry.
    new_sq_avgs = [beta * s + (1 - beta) * g ** 2 for s, g in zip(sq_avgs, grads)]
    # Entries with large recent gradients take smaller steps; eps (outside the root) avoids 0 / 0.
    new_params = [p - lr * g / (np.sqrt(s) + eps) for p, g, s in zip(params, grads, new_sq_avgs)]
    return new_params, new_sq_avgs
