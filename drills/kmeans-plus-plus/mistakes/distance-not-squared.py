import numpy as np


def kmeans_pp_init(X, k, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    n = len(X)
    centroids = [X[rng.integers(n)]]
    for _ in range(k - 1):
        C = np.array(centroids)
        dist = np.sqrt(((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
        centroids.append(X[rng.choice(n, p=dist / dist.sum())])
    return np.array(centroids)
