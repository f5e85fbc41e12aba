import numpy as np


def rmsprop_step(params, grads, sq_avgs, lr=0.001, beta=0.9, eps=1e-8):
    new_sq = [beta * s + g ** 2 for s, g in zip(sq_avgs, grads)]
    new_params = [p - lr * g / (np.sqrt(s) + eps) for p, g, s in zip(params, grads, new_sq)]
    return new_params, new_sq
