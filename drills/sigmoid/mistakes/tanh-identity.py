import numpy as np


def sigmoid(x):
    # tanh never overflows, so this looks stable...
    return 0.5 * (1 + np.tanh(np.asarray(x, dtype=float) / 2))
