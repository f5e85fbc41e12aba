import numpy as np


def clip_by_global_norm(grads, max_norm):
    grads = [np.asarray(g, dtype=float) for g in grads]
    total_norm = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    # PyTorch's clip_grad_norm_: max_norm / (total_norm + 1e-6), capped at 1. The epsilon shifts the
    # result by a relative 1e-6 / total_norm: invisible at norm 100, 2e-5 at norm 0.05.
    scale = min(1.0, max_norm / (total_norm + 1e-6))
    return [g * scale for g in grads], total_norm
