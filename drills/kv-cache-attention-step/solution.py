"""One autoregressive decoding step of single-head causal self-attention with a KV cache."""

import numpy as np


def attention_step(x_t, W_q, W_k, W_v, k_cache, v_cache):
    """Attend from the newest token to every token so far, reusing the cached keys and values.

    x_t: (d_model,) the new token's hidden state. W_q, W_k: (d_model, d_k); W_v: (d_model, d_v).
    k_cache: (t, d_k), v_cache: (t, d_v), the keys/values of the t previous tokens (t may be 0).
    Returns (output (d_v,), new_k_cache (t+1, d_k), new_v_cache (t+1, d_v)) as new arrays.
    """
    x_t = np.asarray(x_t, dtype=float)
    # Project only the new token: its query, key and value (row-vector convention x @ W).
    q, k, v = x_t @ W_q, x_t @ W_k, x_t @ W_v
    # Append first, so the new token attends to itself as well as to the past (causal: <= t).
    # np.vstack builds new (t+1, d) arrays; the caller's caches are left untouched.
    keys = np.vstack([k_cache, k])
    values = np.vstack([v_cache, v])
    # Scaled scores against every cached key, then a stable softmax over the t+1 positions.
    scores = keys @ q / np.sqrt(k.size)
    weights = np.exp(scores - scores.max())
    weights /= weights.sum()
    return weights @ values, keys, values
