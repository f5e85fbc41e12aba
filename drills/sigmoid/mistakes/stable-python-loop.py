import math

import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    out = np.empty(x.shape)
    flat = out.reshape(-1)
    for i, v in enumerate(x.ravel()):
        if v >= 0:
            flat[i] = 1 / (1 + math.exp(-v))
        else:
            e = math.exp(v)
            flat[i] = e / (1 + e)
    return out
