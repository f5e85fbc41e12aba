import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    new_m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(m, grads)]
    new_v = [beta2 * vi + (1 - beta2) * g ** 2 for vi, g in zip(v, grads)]
    new_params = []
    for p, mi, vi in zip(params, new_m, new_v):
        m_hat = mi / (1 - beta1 ** t)
        v_hat = vi / (1 - beta2 ** t)
        new_params.append(p - lr * m_hat / np.sqrt(v_hat + eps))
    return new_params, new_m, new_v
