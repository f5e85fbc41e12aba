"""K-Means clustering with Lloyd's algorithm, vectorized with broadcasting."""

import numpy as np


def _nearest(X, centroids):
    """Index of the nearest centroid for every row of X (squared Euclidean distances, shape (n, k))."""
    d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return d2.argmin(axis=1)


def kmeans(X, k, max_iters=100, seed=None):
    """Cluster the rows of X into k groups; returns (centroids (k, d), labels (n,))."""
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(len(X), size=k, replace=False)]  # k distinct data points
    labels = _nearest(X, centroids)
    for _ in range(max_iters):
        # Update: each centroid moves to the mean of its points; an empty cluster keeps its centroid.
        centroids = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else centroids[j]
                              for j in range(k)])
        new_labels = _nearest(X, centroids)
        if np.array_equal(new_labels, labels):
            break  # converged: a fixed point of assignment and update
        labels = new_labels
    # Return the labels of the returned centroids, even when max_iters ran out.
    return centroids, _nearest(X, centroids)
