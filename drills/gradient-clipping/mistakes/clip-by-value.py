import numpy as np


def clip_by_global_norm(grads, max_norm):
    total_norm = np.sqrt(sum(np.sum(np.asarray(g, dtype=float) ** 2) for g in grads))
    return [np.clip(g, -max_norm, max_norm).astype(float) for g in grads], total_norm
