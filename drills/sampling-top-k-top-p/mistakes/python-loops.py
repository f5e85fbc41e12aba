import math

import numpy as np


def _filter_row(row, temperature, top_k, top_p):
    V = row.shape[0]
    out = np.zeros(V)
    if temperature == 0:
        best = 0
        for i in range(V):
            if row[i] > row[best]:
                best = i
        out[best] = 1.0
        return out
    z = np.empty(V)
    for i in range(V):
        z[i] = row[i] / temperature
    if top_k is not None and top_k < V:
        kth = sorted(z, reverse=True)[top_k - 1]
        for i in range(V):
            if z[i] < kth:
                z[i] = -math.inf
    m = max(z)
    total = 0.0
    for i in range(V):
        out[i] = math.exp(z[i] - m)
        total += out[i]
    for i in range(V):
        out[i] /= total
    if top_p is not None and top_p < 1:
        order = sorted(range(V), key=lambda i: (-out[i], i))
        mass = 0.0
        for rank, i in enumerate(order):
            if mass >= top_p:
                for j in order[rank:]:
                    out[j] = 0.0
                break
            mass += out[i]
        total = 0.0
        for i in range(V):
            total += out[i]
        for i in range(V):
            out[i] /= total
    return out


def filtered_distribution(logits, temperature=1.0, top_k=None, top_p=None):
    if temperature < 0 or (top_k is not None and top_k < 1) or (top_p is not None and not 0 < top_p <= 1):
        raise ValueError("bad arguments")
    z = np.asarray(logits, dtype=float)
    rows = z.reshape(-1, z.shape[-1])
    out = np.empty_like(rows)
    for r in range(rows.shape[0]):
        out[r] = _filter_row(rows[r], temperature, top_k, top_p)
    return out.reshape(z.shape)


def sample(probabilities, u):
    p = np.asarray(probabilities, dtype=float)
    cdf = np.cumsum(p)
    idx = np.minimum(np.searchsorted(cdf, u, side="right"), np.flatnonzero(p)[-1])
    return idx if np.ndim(idx) else int(idx)


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, seed=None):
    u = np.random.default_rng(seed).random()
    return sample(filtered_distribution(logits, temperature, top_k, top_p), u)
