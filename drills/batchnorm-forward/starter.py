"""Batch normalization forward pass, from scratch with NumPy."""

import numpy as np


def batchnorm_forward(X, gamma, beta, running_mean, running_var, training=True, momentum=0.9, eps=1e-5):
    """Batch-normalize X (n, d) per feature; return (out, new_running_mean, new_running_var).

    gamma, beta, running_mean, running_var: (d,). No input may be modified.
    training=True: use the batch mean and biased variance (ddof=0) over axis 0, and return
        running = momentum * running + (1 - momentum) * batch statistic.
    training=False: use running_mean / running_var, and return them unchanged.
    out = gamma * (X - mean) / sqrt(var + eps) + beta.
    """
    # TODO: choose the statistics: batch mean/var (training) or the running ones (evaluation)
    # TODO: in training, compute the new running statistics (new arrays, no in-place update)
    # TODO: normalize, scale by gamma, shift by beta
    raise NotImplementedError
