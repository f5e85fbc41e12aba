import numpy as np


def sigmoid(x):
    x = np.clip(np.asarray(x, dtype=float), -20, 20)  # avoid overflow
    return 1 / (1 + np.exp(-x))
