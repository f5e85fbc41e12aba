import numpy as np


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads):
    n, d_model = X.shape
    d_head = d_model // n_heads
    heads = []
    for h in range(n_heads):
        cols = slice(h * d_head, (h + 1) * d_head)
        Q, K, V = (X @ Wq)[:, cols], (X @ Wk)[:, cols], (X @ Wv)[:, cols]
        heads.append(softmax(Q @ K.T / np.sqrt(d_head)) @ V)
    return np.concatenate(heads, axis=1)
