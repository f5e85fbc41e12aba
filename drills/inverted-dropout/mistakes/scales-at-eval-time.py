import numpy as np


def dropout(x, p, training=True, seed=None):
    x = np.asarray(x, dtype=float)
    if not training:
        return x * (1 - p), np.ones_like(x)
    rng = np.random.default_rng(seed)
    mask = (rng.random(x.shape) >= p).astype(float)
    return x * mask, mask
