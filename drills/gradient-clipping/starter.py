"""Gradient clipping by global norm, from scratch with NumPy."""

import numpy as np


def clip_by_global_norm(grads, max_norm):
    """Rescale a list of gradient arrays so that their global L2 norm is at most max_norm.

    grads: list of np.ndarray of any shapes (must not be modified). max_norm: positive float.
    Returns (clipped_grads, total_norm): a list of arrays with the same shapes, and the global
    norm BEFORE clipping. Arrays are unchanged when total_norm <= max_norm; otherwise all are
    multiplied by the same factor max_norm / total_norm.
    """
    # TODO: global norm: square root of the sum of squares over ALL elements of ALL arrays
    # TODO: one common scale factor, 1 when the norm is within the limit
    # TODO: return new scaled arrays (same order) and the original norm
    raise NotImplementedError
