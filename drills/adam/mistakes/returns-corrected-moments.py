import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    new_params, new_m, new_v = [], [], []
    for p, g, mi, vi in zip(params, grads, m, v):
        mi = (beta1 * mi + (1 - beta1) * g) / (1 - beta1 ** t)
        vi = (beta2 * vi + (1 - beta2) * g ** 2) / (1 - beta2 ** t)
        new_params.append(p - lr * mi / (np.sqrt(vi) + eps))
        new_m.append(mi)
        new_v.append(vi)
    return new_params, new_m, new_v
