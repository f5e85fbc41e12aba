import math

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    batch = Q.shape[:-2]
    n_q, d_k = Q.shape[-2:]
    n_k, d_v = V.shape[-2:]
    full_mask = np.ones(batch + (n_q, n_k), dtype=bool) if mask is None else np.broadcast_to(mask, batch + (n_q, n_k))
    Qf, Kf, Vf = Q.reshape(-1, n_q, d_k), K.reshape(-1, n_k, d_k), V.reshape(-1, n_k, d_v)
    Mf = full_mask.reshape(-1, n_q, n_k)
    out = np.zeros((Qf.shape[0], n_q, d_v))
    weights = np.zeros((Qf.shape[0], n_q, n_k))
    for b in range(Qf.shape[0]):
        for i in range(n_q):
            row = [sum(Qf[b, i, d] * Kf[b, j, d] for d in range(d_k)) / math.sqrt(d_k) if Mf[b, i, j] else -math.inf
                   for j in range(n_k)]
            top = max(row)
            exps = [math.exp(s - top) for s in row]
            total = sum(exps)
            for j in range(n_k):
                weights[b, i, j] = exps[j] / total
            out[b, i] = weights[b, i] @ Vf[b]
    return out.reshape(batch + (n_q, d_v)), weights.reshape(batch + (n_q, n_k))
