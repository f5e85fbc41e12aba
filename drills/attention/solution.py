"""Scaled dot-product attention with an optional boolean mask, over any leading batch axes."""

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    """softmax(Q Kᵀ / sqrt(d_k), masked) @ V. Returns (output, weights).

    Q: (..., n_q, d_k); K: (..., n_k, d_k); V: (..., n_k, d_v); mask: booleans broadcastable to
    (..., n_q, n_k), True where the query may attend to the key.
    """
    d_k = Q.shape[-1]
    # Similarity of every query with every key: (..., n_q, n_k). Dividing by sqrt(d_k) keeps the
    # variance of the scores near 1 whatever the dimension, so the softmax does not saturate.
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)
    if mask is not None:
        # Forbidden keys get -inf: exp(-inf) = 0, so their weight is exactly 0.
        scores = np.where(mask, scores, -np.inf)
    # Stable softmax over the keys (last axis): subtracting each row's max avoids exp overflow.
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    # Each output row is the weighted average of the value rows.
    return weights @ V, weights
