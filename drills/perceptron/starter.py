"""The perceptron learning rule, from scratch with NumPy."""

import numpy as np


def perceptron_fit(X, y, epochs=10, lr=1.0):
    """Train a perceptron on labels in {-1, +1}; return (w, b).

    X: (n, d) array-like; y: (n,) labels -1/+1. Start from w = zeros(d), b = 0; for each of the
    `epochs` passes, visit the samples in their given order and, whenever y_i * (w·x_i + b) <= 0,
    set w += lr * y_i * x_i and b += lr * y_i. Returns (w, b): w a float array of shape (d,).
    """
    # TODO: convert X and y to float arrays; w = zeros(d), b = 0.0
    # TODO: for each epoch, for each sample in order: update on a mistake (<= 0)
    raise NotImplementedError
