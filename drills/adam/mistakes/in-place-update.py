import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    for p, g, mi, vi in zip(params, grads, m, v):
        mi *= beta1
        mi += (1 - beta1) * g
        vi *= beta2
        vi += (1 - beta2) * g ** 2
        p -= lr * (mi / (1 - beta1 ** t)) / (np.sqrt(vi / (1 - beta2 ** t)) + eps)
    return params, m, v
