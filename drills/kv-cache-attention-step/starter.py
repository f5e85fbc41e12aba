"""One decoding step of single-head causal self-attention with a KV cache, from scratch with NumPy."""

import numpy as np


def attention_step(x_t, W_q, W_k, W_v, k_cache, v_cache):
    """Return (output, new_k_cache, new_v_cache) for the newest token.

    x_t: (d_model,). W_q, W_k: (d_model, d_k); W_v: (d_model, d_v) (q = x_t @ W_q, ...).
    k_cache: (t, d_k), v_cache: (t, d_v), the previous tokens' keys and values; t may be 0.
    output: (d_v,) = softmax(keys @ q / sqrt(d_k)) @ values over all t + 1 tokens (the cached
    ones and the new one). new_k_cache: (t+1, d_k), new_v_cache: (t+1, d_v), the new row last.
    Do not modify the inputs: return new arrays.
    """
    # TODO: project x_t to its query, key and value
    # TODO: append the new key/value to copies of the caches (np.concatenate / np.vstack)
    # TODO: scores = keys @ q / sqrt(d_k); stable softmax over the t + 1 positions
    # TODO: output = weights @ values; return (output, new_k_cache, new_v_cache)
    raise NotImplementedError
