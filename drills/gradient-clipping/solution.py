"""Gradient clipping by global norm: one common factor for every gradient array."""

import numpy as np


def clip_by_global_norm(grads, max_norm):
    """Rescale the arrays in grads so that their global L2 norm is at most max_norm.

    Returns (clipped_grads, total_norm), total_norm being the norm before clipping.
    """
    grads = [np.asarray(g, dtype=float) for g in grads]
    # The norm of all parameters' gradients taken together, as if concatenated into one vector.
    total_norm = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    # A single factor for every array keeps the direction of the update. It equals 1 when the
    # norm is within the limit, and max(...) also avoids 0 / 0 for all-zero gradients.
    scale = max_norm / max(total_norm, max_norm)
    return [g * scale for g in grads], total_norm
