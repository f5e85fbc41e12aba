import numpy as np


def gd_step(params, grads, lr):
    return [p - lr * np.mean(g) for p, g in zip(params, grads)]
