"""Linear SVM trained by hinge-loss subgradient descent, from scratch with NumPy."""

import numpy as np


def linear_svm(X, y, lam=0.01, lr=0.1, epochs=100):
    """Minimise lam/2 * ||w||^2 + mean(max(0, 1 - y * (X @ w + b))) by full-batch subgradient descent.

    X: (n, d) floats; y: (n,) labels in {-1, +1}; lam >= 0; lr > 0; epochs >= 0 full-batch steps.
    Start from w = 0, b = 0. Returns (w, b): w a float array (d,), b a float.
    """
    # TODO: w = zeros(d), b = 0.0
    # TODO: each epoch: margins = y * (X @ w + b); violators are margins < 1 (exactly 1 is not a violation)
    # TODO: grad_w = lam * w - (sum of y_i x_i over violators) / n ; grad_b = -(sum of y_i over violators) / n
    # TODO: w -= lr * grad_w ; b -= lr * grad_b  (both from the old w, b; b is not regularised)
    raise NotImplementedError
