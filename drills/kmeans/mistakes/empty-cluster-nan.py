import numpy as np


def kmeans(X, k, max_iters=100, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(len(X), size=k, replace=False)]
    for _ in range(max_iters):
        labels = ((X[:, None] - centroids[None]) ** 2).sum(2).argmin(1)
        new = np.array([X[labels == j].mean(axis=0) for j in range(k)])
        if np.allclose(new, centroids, equal_nan=True):
            break
        centroids = new
    return centroids, ((X[:, None] - centroids[None]) ** 2).sum(2).argmin(1)
