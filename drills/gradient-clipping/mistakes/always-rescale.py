import numpy as np


def clip_by_global_norm(grads, max_norm):
    total_norm = np.sqrt(sum(np.sum(np.asarray(g, dtype=float) ** 2) for g in grads))
    return [np.asarray(g, dtype=float) * max_norm / total_norm for g in grads], total_norm
