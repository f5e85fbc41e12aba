import numpy as np


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads):
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    d_head = X.shape[1] // n_heads
    weights = softmax(Q @ K.T / np.sqrt(d_head))  # one attention map over all columns
    return (weights @ V) @ Wo
