"""Scaled dot-product attention, from scratch with NumPy."""

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Return (output, weights) with weights = softmax(Q Kᵀ / sqrt(d_k), masked) over the keys.

    Q: (..., n_q, d_k); K: (..., n_k, d_k); V: (..., n_k, d_v); any leading batch axes.
    mask: None or booleans broadcastable to (..., n_q, n_k); True = may attend, False = weight 0.
    Returns output (..., n_q, d_v) and weights (..., n_q, n_k). Must not modify the inputs.
    """
    # TODO: scores = Q Kᵀ / sqrt(d_k), transposing only the last two axes of K
    # TODO: if a mask is given, make the masked scores -inf (or a large negative number)
    # TODO: numerically stable softmax over the last axis (subtract each row's max)
    # TODO: output = weights @ V; return (output, weights)
    raise NotImplementedError
