import numpy as np


def _nearest(X, centroids):
    # ||x - c||² = ||x||² - 2 x·c + ||c||²: fast with BLAS, but it cancels far from the origin.
    d2 = (X ** 2).sum(axis=1)[:, None] - 2 * X @ centroids.T + (centroids ** 2).sum(axis=1)[None, :]
    return d2.argmin(axis=1)


def kmeans(X, k, max_iters=100, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(len(X), size=k, replace=False)]
    labels = _nearest(X, centroids)
    for _ in range(max_iters):
        centroids = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else centroids[j]
                              for j in range(k)])
        new_labels = _nearest(X, centroids)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return centroids, _nearest(X, centroids)
