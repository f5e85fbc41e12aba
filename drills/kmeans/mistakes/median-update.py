import numpy as np


def kmeans(X, k, max_iters=100, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(len(X), size=k, replace=False)]
    labels = None
    for _ in range(max_iters):
        new = ((X[:, None] - centroids[None]) ** 2).sum(2).argmin(1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        centroids = np.array([np.median(X[labels == j], axis=0) if np.any(labels == j) else centroids[j]
                              for j in range(k)])
    return centroids, labels
