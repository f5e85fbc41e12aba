import numpy as np


def linreg_sgd(X, y, lr, epochs, batch_size, seed=None):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)
    perm = rng.permutation(n)
    X, y = X[perm], y[perm]
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        for start in range(0, n, batch_size):
            Xb, yb = X[start:start + batch_size], y[start:start + batch_size]
            r = Xb @ w + b - yb
            w, b = w - lr * Xb.T @ r / len(yb), b - lr * r.mean()
    return w, b
