import numpy as np


def rmsprop_step(params, grads, sq_avgs, lr=0.001, beta=0.9, eps=1e-8):
    for p, g, s in zip(params, grads, sq_avgs):
        s *= beta
        s += (1 - beta) * g ** 2
        p -= lr * g / (np.sqrt(s) + eps)
    return params, sq_avgs
