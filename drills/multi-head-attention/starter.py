"""Multi-head self-attention, from scratch with NumPy."""

import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads):
    """Multi-head self-attention over one sequence.

    X: (n, d_model); Wq, Wk, Wv, Wo: (d_model, d_model); n_heads divides d_model.
    Head h uses columns h*d_head:(h+1)*d_head of Q, K, V (d_head = d_model // n_heads) and computes
    softmax(Q_h K_hᵀ / sqrt(d_head)) V_h. The heads are concatenated in order and multiplied by Wo.
    Returns (n, d_model). Must not modify the inputs.
    """
    # TODO: project X to Q, K, V
    # TODO: split each into n_heads blocks of d_head contiguous columns, e.g. (n_heads, n, d_head)
    # TODO: stable softmax(Q_h K_hᵀ / sqrt(d_head)) over the keys, times V_h, in every head
    # TODO: concatenate the heads back into (n, d_model) in head order, then multiply by Wo
    raise NotImplementedError
