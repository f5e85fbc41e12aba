import numpy as np


def linreg_sgd(X, y, lr, epochs, batch_size, seed=None):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)
    w, b = np.zeros(d), 0.0
    steps = int(np.ceil(n / batch_size))
    for _ in range(epochs):
        for _ in range(steps):
            idx = rng.integers(0, n, size=min(batch_size, n))
            r = X[idx] @ w + b - y[idx]
            w, b = w - lr * X[idx].T @ r / len(idx), b - lr * r.mean()
    return w, b
