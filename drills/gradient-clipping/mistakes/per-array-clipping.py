import numpy as np


def clip_by_global_norm(grads, max_norm):
    clipped = []
    for g in grads:
        g = np.asarray(g, dtype=float)
        norm = np.linalg.norm(g)
        clipped.append(g * max_norm / norm if norm > max_norm else g)
    total_norm = np.sqrt(sum(np.sum(np.asarray(g, dtype=float) ** 2) for g in grads))
    return clipped, total_norm
