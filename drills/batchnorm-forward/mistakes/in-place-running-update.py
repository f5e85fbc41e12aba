import numpy as np


def batchnorm_forward(X, gamma, beta, running_mean, running_var, training=True, momentum=0.9, eps=1e-5):
    X = np.asarray(X, dtype=float)
    if training:
        mean = X.mean(axis=0)
        var = X.var(axis=0)
        running_mean *= momentum
        running_mean += (1 - momentum) * mean
        running_var *= momentum
        running_var += (1 - momentum) * var
    else:
        mean, var = running_mean, running_var
    out = gamma * (X - mean) / np.sqrt(var + eps) + beta
    return out, running_mean, running_var
