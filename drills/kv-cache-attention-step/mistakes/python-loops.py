import math

import numpy as np


def attention_step(x_t, W_q, W_k, W_v, k_cache, v_cache):
    x_t = np.asarray(x_t, dtype=float)
    q, k, v = x_t @ W_q, x_t @ W_k, x_t @ W_v
    keys = [list(map(float, row)) for row in np.reshape(k_cache, (-1, k.size))] + [list(k)]
    values = [list(map(float, row)) for row in np.reshape(v_cache, (-1, v.size))] + [list(v)]
    d_k = len(q)
    scores = [sum(q[d] * key[d] for d in range(d_k)) / math.sqrt(d_k) for key in keys]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    out = [0.0] * len(v)
    for e, val in zip(exps, values):
        for j in range(len(out)):
            out[j] += e / total * val[j]
    return np.array(out), np.array(keys), np.array(values)
