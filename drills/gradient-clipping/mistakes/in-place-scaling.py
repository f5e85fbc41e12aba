import numpy as np


def clip_by_global_norm(grads, max_norm):
    total_norm = np.sqrt(sum(np.sum(g.astype(float) ** 2) for g in grads))
    if total_norm > max_norm:
        for g in grads:
            g *= max_norm / total_norm
    return grads, total_norm
