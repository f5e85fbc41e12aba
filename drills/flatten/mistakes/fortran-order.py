import numpy as np


def flatten(x):
    x = np.asarray(x)
    return x.reshape(x.shape[0], -1, order="F")
