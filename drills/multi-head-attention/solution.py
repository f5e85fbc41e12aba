"""Multi-head self-attention over one sequence: project, split into heads, attend, concatenate, project."""

import numpy as np


def softmax(z):
    """Numerically stable softmax over the last axis."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads):
    """X (n, d_model); Wq, Wk, Wv, Wo (d_model, d_model); d_model divisible by n_heads -> (n, d_model)."""
    n, d_model = X.shape
    d_head = d_model // n_heads

    def split_heads(M):
        # (n, d_model) -> (n_heads, n, d_head): head h owns the columns h*d_head:(h+1)*d_head.
        return M.reshape(n, n_heads, d_head).transpose(1, 0, 2)

    Q, K, V = split_heads(X @ Wq), split_heads(X @ Wk), split_heads(X @ Wv)
    # Scaled dot-product attention in all heads at once, scaled by the HEAD size: (n_heads, n, n).
    weights = softmax(Q @ K.transpose(0, 2, 1) / np.sqrt(d_head))
    heads = weights @ V  # (n_heads, n, d_head)
    # Concatenate the heads side by side (head 0's columns first), then mix them with Wo.
    concat = heads.transpose(1, 0, 2).reshape(n, d_model)
    return concat @ Wo
