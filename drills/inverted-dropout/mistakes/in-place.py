import numpy as np


def dropout(x, p, training=True, seed=None):
    if not training:
        return x, np.ones_like(x, dtype=float)
    rng = np.random.default_rng(seed)
    mask = (rng.random(x.shape) >= p).astype(float)
    x *= mask / (1 - p)
    return x, mask
