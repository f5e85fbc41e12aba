import numpy as np


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads):
    n, d_model = X.shape
    d_head = d_model // n_heads
    Q = (X @ Wq).reshape(n_heads, n, d_head)  # mixes tokens and heads
    K = (X @ Wk).reshape(n_heads, n, d_head)
    V = (X @ Wv).reshape(n_heads, n, d_head)
    weights = softmax(Q @ K.transpose(0, 2, 1) / np.sqrt(d_head))
    return (weights @ V).reshape(n, d_model) @ Wo
