"""Linear regression by mini-batch stochastic gradient descent with a fresh shuffle every epoch."""

import numpy as np


def linreg_sgd(X, y, lr, epochs, batch_size, seed=None):
    """Fit y ≈ X @ w + b by mini-batch SGD on L = mean((X @ w + b - y) ** 2) / 2.

    Returns (w, b) after `epochs` passes over the shuffled data, one step per mini-batch.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)
    w = np.zeros(d)
    b = 0.0
    for _ in range(epochs):
        order = rng.permutation(n)  # a new shuffle every epoch; X and y share the same indices
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]  # the last batch is smaller when batch_size does not divide n
            r = X[idx] @ w + b - y[idx]
            # The batch gradient is a mean over the batch's own size, len(idx), not over n.
            w, b = w - lr * (X[idx].T @ r) / len(idx), b - lr * r.mean()
    return w, b
