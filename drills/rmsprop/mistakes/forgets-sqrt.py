import numpy as np


def rmsprop_step(params, grads, sq_avgs, lr=0.001, beta=0.9, eps=1e-8):
    new_sq = [beta * s + (1 - beta) * np.square(g) for s, g in zip(sq_avgs, grads)]
    new_params = [p - lr * g / (s + eps) for p, g, s in zip(params, grads, new_sq)]
    return new_params, new_sq
