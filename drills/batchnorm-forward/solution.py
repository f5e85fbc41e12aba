"""Batch normalization forward pass: batch statistics in training, running statistics at eval."""

import numpy as np


def batchnorm_forward(X, gamma, beta, running_mean, running_var, training=True, momentum=0.9, eps=1e-5):
    """Batch-normalize X (n, d) per feature; return (out, new_running_mean, new_running_var)."""
    X = np.asarray(X, dtype=float)
    if training:
        mean = X.mean(axis=0)  # per feature, over the batch
        var = X.var(axis=0)  # biased (ddof=0), as in the normalization itself
        # Exponential moving averages, built as new arrays: the caller's arrays stay untouched.
        running_mean = momentum * running_mean + (1 - momentum) * mean
        running_var = momentum * running_var + (1 - momentum) * var
    else:
        mean, var = running_mean, running_var
    # eps inside the square root keeps a constant feature (var = 0) finite: it maps to beta.
    out = gamma * (X - mean) / np.sqrt(var + eps) + beta
    return out, running_mean, running_var
