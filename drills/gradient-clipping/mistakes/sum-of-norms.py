import numpy as np


def clip_by_global_norm(grads, max_norm):
    grads = [np.asarray(g, dtype=float) for g in grads]
    total_norm = sum(np.linalg.norm(g) for g in grads)
    if total_norm > max_norm:
        grads = [g * max_norm / total_norm for g in grads]
    return grads, total_norm
