import numpy as np


def attention_step(x_t, W_q, W_k, W_v, k_cache, v_cache):
    x_t = np.asarray(x_t, dtype=float)
    q, k, v = x_t @ W_q, x_t @ W_k, x_t @ W_v
    scale = 1.0 / np.sqrt(k.size)
    if k_cache.dtype.kind == "f":
        k_cache *= scale  # "fold the scaling into the cached keys", in the caller's array
    else:
        k_cache = k_cache * scale
    keys = np.vstack([np.reshape(k_cache, (-1, k.size)), k * scale])
    values = np.vstack([np.reshape(v_cache, (-1, v.size)), v])
    scores = keys @ q
    weights = np.exp(scores - scores.max())
    weights = weights / weights.sum()
    return weights @ values, keys, values
