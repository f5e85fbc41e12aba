"""Linear SVM trained by full-batch subgradient descent on the primal (regularised hinge loss)."""

import numpy as np


def linear_svm(X, y, lam=0.01, lr=0.1, epochs=100):
    """Minimise lam/2 · ||w||² + mean(max(0, 1 − y (X w + b))) from w = 0, b = 0.

    One epoch = one full-batch step with the subgradient at the current (w, b); a margin of
    exactly 1 is not a violation (subgradient 0 at the hinge point). The bias is not regularised.
    Returns (w (d,), b float).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        margins = y * (X @ w + b)
        viol = margins < 1  # only strictly violated margins contribute −y_i x_i
        yv = y * viol  # y_i where violated, 0 elsewhere
        grad_w = lam * w - (yv @ X) / n
        grad_b = -yv.sum() / n
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b
