import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    # "t counts completed steps, so this is step t + 1"
    step = t + 1
    new_params, new_m, new_v = [], [], []
    for p, g, mi, vi in zip(params, grads, m, v):
        mi = beta1 * mi + (1 - beta1) * g
        vi = beta2 * vi + (1 - beta2) * g ** 2
        m_hat = mi / (1 - beta1 ** step)
        v_hat = vi / (1 - beta2 ** step)
        new_params.append(p - lr * m_hat / (np.sqrt(v_hat) + eps))
        new_m.append(mi)
        new_v.append(vi)
    return new_params, new_m, new_v
