"""Linear regression by mini-batch stochastic gradient descent, from scratch with NumPy."""

import numpy as np


def linreg_sgd(X, y, lr, epochs, batch_size, seed=None):
    """Fit y ≈ X @ w + b by mini-batch SGD on L = mean((X @ w + b - y) ** 2) / 2.

    X: (n, d) array-like; y: (n,). Start from w = zeros(d), b = 0.0. Every epoch: a new random
    permutation of the rows (np.random.default_rng(seed), created once), cut into consecutive
    batches of batch_size (the last one may be smaller), one simultaneous step per batch using
    the mean gradient over the batch. Returns (w, b): w a float array of shape (d,), b a number.
    """
    # TODO: convert X and y to float arrays; w = zeros(d), b = 0.0; one seeded generator
    # TODO: for each epoch, shuffle the row indices (not X and y themselves)
    # TODO: for each batch of indices: residuals, then update w and b with the batch-mean gradient
    raise NotImplementedError
