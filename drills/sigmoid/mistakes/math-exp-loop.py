import math

import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return np.array([1 / (1 + math.exp(-v)) for v in x.ravel()]).reshape(x.shape)
