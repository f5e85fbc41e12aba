import numpy as np


def attention_step(x_t, W_q, W_k, W_v, k_cache, v_cache):
    x_t = np.asarray(x_t, dtype=float)
    q, k, v = x_t @ W_q, x_t @ W_k, x_t @ W_v
    keys = np.vstack([np.reshape(k_cache, (-1, k.size)), k])
    values = np.vstack([np.reshape(v_cache, (-1, v.size)), v])
    scores = keys @ q  # no 1/sqrt(d_k)
    weights = np.exp(scores - scores.max())
    weights = weights / weights.sum()
    return weights @ values, keys, values
