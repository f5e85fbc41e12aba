import numpy as np


def linreg_sgd(X, y, lr, epochs, batch_size, seed=None):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            r = X[idx] @ w + b - y[idx]
            w, b = w - lr * X[idx].T @ r / n, b - lr * r.sum() / n
    return w, b
