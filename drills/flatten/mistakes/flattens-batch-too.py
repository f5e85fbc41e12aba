import numpy as np


def flatten(x):
    return np.asarray(x).reshape(-1)
