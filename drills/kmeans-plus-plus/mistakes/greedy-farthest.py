import numpy as np


def kmeans_pp_init(X, k, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    centroids = [X[rng.integers(len(X))]]
    for _ in range(k - 1):
        C = np.array(centroids)
        d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).min(axis=1)
        centroids.append(X[np.argmax(d2)])
    return np.array(centroids)
