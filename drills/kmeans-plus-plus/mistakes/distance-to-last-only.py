import numpy as np


def kmeans_pp_init(X, k, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    n = len(X)
    centroids = [X[rng.integers(n)]]
    for _ in range(k - 1):
        d2 = ((X - centroids[-1]) ** 2).sum(axis=1)
        centroids.append(X[rng.choice(n, p=d2 / d2.sum())])
    return np.array(centroids)
