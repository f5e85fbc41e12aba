import numpy as np


def batchnorm_forward(X, gamma, beta, running_mean, running_var, training=True, momentum=0.9, eps=1e-5):
    if training:
        mean = X.mean(axis=1, keepdims=True)
        var = X.var(axis=1, keepdims=True)
        out = gamma * (X - mean) / np.sqrt(var + eps) + beta
        running_mean = momentum * running_mean + (1 - momentum) * mean.mean()
        running_var = momentum * running_var + (1 - momentum) * var.mean()
        return out, running_mean, running_var
    out = gamma * (X - running_mean) / np.sqrt(running_var + eps) + beta
    return out, running_mean, running_var
