"""RMSprop, from scratch with NumPy."""

import numpy as np


def rmsprop_step(params, grads, sq_avgs, lr=0.001, beta=0.9, eps=1e-8):
    """One RMSprop step for each parameter (element-wise):

        s_new = beta * s + (1 - beta) * g**2
        p_new = p - lr * g / (sqrt(s_new) + eps)

    params, grads, sq_avgs: lists of float arrays; entry i of each has the same shape.
    Returns (new_params, new_sq_avgs): two lists of NEW arrays. Must not modify the inputs.
    """
    # TODO: update each moving average of squared gradients
    # TODO: step each parameter with the NEW average (eps added after the square root)
    # TODO: return (new_params, new_sq_avgs)
    raise NotImplementedError
