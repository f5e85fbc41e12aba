import numpy as np


def linreg_sgd(X, y, lr, epochs, batch_size, seed=None):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)
    w, b = np.zeros(d), 0.0
    n_batches = max(n // batch_size, 1)
    for _ in range(epochs):
        order = rng.permutation(n)
        for k in range(n_batches):
            idx = order[k * batch_size:(k + 1) * batch_size]
            r = X[idx] @ w + b - y[idx]
            w, b = w - lr * X[idx].T @ r / len(idx), b - lr * r.mean()
    return w, b
