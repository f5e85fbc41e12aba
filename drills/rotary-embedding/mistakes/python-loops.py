import math

import numpy as np


def apply_rope(x, positions, base=10000.0):
    x = np.asarray(x, dtype=float)
    d = x.shape[-1]
    if d % 2:
        raise ValueError("d must be even")
    flat = x.reshape(-1, x.shape[-2], d)
    out = np.empty_like(flat)
    positions = list(np.asarray(positions, dtype=float))
    for b in range(flat.shape[0]):
        for t, pos in enumerate(positions):
            for i in range(d // 2):
                phi = pos * base ** (-2 * i / d)
                c, s = math.cos(phi), math.sin(phi)
                a, bb = flat[b, t, 2 * i], flat[b, t, 2 * i + 1]
                out[b, t, 2 * i] = a * c - bb * s
                out[b, t, 2 * i + 1] = a * s + bb * c
    return out.reshape(x.shape)
