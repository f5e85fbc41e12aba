import numpy as np


def attention_step(x_t, W_q, W_k, W_v, k_cache, v_cache):
    x_t = np.asarray(x_t, dtype=float)
    q, k, v = x_t @ W_q, x_t @ W_k, x_t @ W_v
    k_cache = np.asarray(k_cache, dtype=float).reshape(-1, k.size)
    v_cache = np.asarray(v_cache, dtype=float).reshape(-1, v.size)
    # attends over the past only, then appends
    scores = k_cache @ q / np.sqrt(k.size)
    weights = np.exp(scores - scores.max()) if scores.size else scores
    weights = weights / weights.sum()
    out = weights @ v_cache
    return out, np.vstack([k_cache, k]), np.vstack([v_cache, v])
