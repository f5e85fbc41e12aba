import numpy as np


def flatten(x):
    x = np.asarray(x)
    return np.squeeze(x.reshape(x.shape[0], -1))
