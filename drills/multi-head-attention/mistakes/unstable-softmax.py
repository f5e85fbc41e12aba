import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads):
    n, d_model = X.shape
    d_head = d_model // n_heads
    Q = (X @ Wq).reshape(n, n_heads, d_head).transpose(1, 0, 2)
    K = (X @ Wk).reshape(n, n_heads, d_head).transpose(1, 0, 2)
    V = (X @ Wv).reshape(n, n_heads, d_head).transpose(1, 0, 2)
    e = np.exp(Q @ K.transpose(0, 2, 1) / np.sqrt(d_head))
    weights = e / e.sum(axis=-1, keepdims=True)
    return (weights @ V).transpose(1, 0, 2).reshape(n, d_model) @ Wo
