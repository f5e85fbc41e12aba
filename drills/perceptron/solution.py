"""The classic (online) perceptron learning rule."""

import numpy as np


def perceptron_fit(X, y, epochs=10, lr=1.0):
    """Train a perceptron on labels in {-1, +1}; return (w, b).

    `epochs` passes over the samples in their given order; a sample with y_i (w·x_i + b) <= 0
    (misclassified, or exactly on the boundary) triggers w += lr·y_i·x_i and b += lr·y_i.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    # Absorb the bias into the weights: each x gets a constant feature 1, whose weight is b.
    X1 = np.hstack([X, np.ones((len(X), 1))])
    theta = np.zeros(X1.shape[1])
    for _ in range(epochs):
        for xi, yi in zip(X1, y):  # online: one sample at a time, in order, no shuffling
            if yi * (xi @ theta) <= 0:  # a zero activation counts as a mistake (needed to leave theta = 0)
                theta = theta + lr * (yi * xi)
    return theta[:-1], theta[-1]
