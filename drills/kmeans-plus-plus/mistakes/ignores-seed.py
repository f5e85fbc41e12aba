import numpy as np


def kmeans_pp_init(X, k, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng()
    n = len(X)
    idx = rng.integers(n)
    centroids = [X[idx]]
    d2 = ((X - X[idx]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        idx = rng.choice(n, p=d2 / d2.sum())
        centroids.append(X[idx])
        d2 = np.minimum(d2, ((X - X[idx]) ** 2).sum(axis=1))
    return np.array(centroids)
