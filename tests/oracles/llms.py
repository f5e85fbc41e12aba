"""Independent oracles for the numeric questions of content/21-llms.yaml.

Quantities are recomputed from explicit objects (NumPy arrays of the right shape, simulated cache
tensors' shapes, sorted probability vectors, retrieved-id sets, a closed-form solve via a root finder)
rather than by reusing the YAML expressions.
"""

from __future__ import annotations

import math

import numpy as np


def _lora_params(d, k, r):
    b = np.zeros((d, r))
    a = np.zeros((r, k))
    return b.size + a.size


def _lora_model(layers, d, r, mats):
    per_matrix = np.zeros((d, r)).size + np.zeros((r, d)).size
    return float(np.full(layers * mats, per_matrix, dtype=np.int64).sum()) / 1e6


def _model_memory(n, bits):
    total_bits = np.int64(n) * 10**9 * bits
    return float(total_bits / 8 / 1e9)


def _kv_shape_bytes(layers, kv, head_dim, seq, batch, nbytes):
    # (K and V, layers, batch, kv heads, seq, head_dim): the shape a cache tensor would have.
    shape = (2, layers, batch, kv, seq, head_dim)
    return math.prod(shape) * nbytes


def _kv_cache_size(layers, heads, seq, batch):
    return _kv_shape_bytes(layers, heads, 128, seq, batch, 2) / 1024**3


def _kv_cache_batch(kv, seq, free):
    per_seq = _kv_shape_bytes(32, kv, 128, seq, 1, 2)
    budget = free * 1024**3
    count = 0
    while (count + 1) * per_seq <= budget:
        count += 1
    return count


def _temperature(z1, z2, z3, t):
    z = np.array([z1, z2, z3], dtype=float) / t
    z -= z.max()
    p = np.exp(z) / np.exp(z).sum()
    return float(p[0])


def _top_p(p):
    probs = [0.04, 0.10, 0.25, 0.06, 0.40, 0.15]   # unsorted on purpose
    total = 0.0
    for i, q in enumerate(sorted(probs, reverse=True), start=1):
        total += q
        if total >= p - 1e-12:
            return i
    return len(probs)


def _recall(rel, hit, k):
    relevant = set(range(rel))
    retrieved = list(range(hit)) + [100 + i for i in range(k - hit)]
    return len(relevant & set(retrieved[:k])) / len(relevant)


def _flops(n, d):
    per_token_forward = 2 * n * 1e9
    per_token_backward = 2 * per_token_forward
    return (per_token_forward + per_token_backward) * d * 1e12 / 1e21


def _gpu_days(n, d, gpus, mfu):
    seconds = _flops(n, d) * 1e21 / (gpus * 1e15 * mfu)
    return seconds / (24 * 3600)


def _chinchilla(c):
    # Solve 6 * N * (20 N) = C for N by bisection.
    target = c * 1e23
    lo, hi = 0.0, 1e13
    for _ in range(200):
        mid = (lo + hi) / 2
        if 6 * mid * 20 * mid < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2 / 1e9


ORACLES = {
    "llms-lora-params-param-01": _lora_params,
    "llms-lora-model-param-01": _lora_model,
    "llms-quant-memory-param-01": _model_memory,
    "llms-kv-cache-size-param-01": _kv_cache_size,
    "llms-kv-cache-batch-param-01": _kv_cache_batch,
    "llms-temperature-param-01": _temperature,
    "llms-top-p-param-01": _top_p,
    "llms-rag-recall-param-01": _recall,
    "llms-flops-param-01": _flops,
    "llms-gpu-days-param-01": _gpu_days,
    "llms-chinchilla-param-01": _chinchilla,
}
