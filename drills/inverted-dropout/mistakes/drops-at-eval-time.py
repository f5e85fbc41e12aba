import numpy as np


def dropout(x, p, training=True, seed=None):
    x = np.asarray(x, dtype=float)
    rng = np.random.default_rng(seed)
    mask = (rng.random(x.shape) >= p).astype(float)
    return x * mask / (1 - p), mask
