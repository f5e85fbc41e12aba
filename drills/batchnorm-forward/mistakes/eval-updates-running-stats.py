import numpy as np


def batchnorm_forward(X, gamma, beta, running_mean, running_var, training=True, momentum=0.9, eps=1e-5):
    mean = X.mean(axis=0)
    var = X.var(axis=0)
    new_mean = momentum * running_mean + (1 - momentum) * mean
    new_var = momentum * running_var + (1 - momentum) * var
    if training:
        out = gamma * (X - mean) / np.sqrt(var + eps) + beta
    else:
        out = gamma * (X - running_mean) / np.sqrt(running_var + eps) + beta
    return out, new_mean, new_var
