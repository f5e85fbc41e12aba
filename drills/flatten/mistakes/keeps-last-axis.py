import numpy as np


def flatten(x):
    x = np.asarray(x)
    return x.reshape(-1, x.shape[-1])
