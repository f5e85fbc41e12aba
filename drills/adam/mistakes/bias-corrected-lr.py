import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    new_m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(m, grads)]
    new_v = [beta2 * vi + (1 - beta2) * g ** 2 for vi, g in zip(v, grads)]
    lr_t = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    new_params = [p - lr_t * mi / (np.sqrt(vi) + eps) for p, mi, vi in zip(params, new_m, new_v)]
    return new_params, new_m, new_v
