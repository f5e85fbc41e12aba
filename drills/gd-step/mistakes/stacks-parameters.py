import numpy as np


def gd_step(params, grads, lr):
    new = np.array(params) - lr * np.array(grads)
    return list(new)
