"""K-Means++ seeding: spread the initial centroids out by D^2 sampling."""

import numpy as np


def kmeans_pp_init(X, k, seed=None):
    """Choose k initial centroids among the rows of X with k-means++ (D^2) sampling.

    Returns a float array (k, d): rows of X, in the order they were chosen.
    """
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    n = len(X)
    centroids = [X[rng.integers(n)]]  # the first centroid is uniform over the rows
    d2 = np.full(n, np.inf)  # squared distance of each point to its nearest centroid so far
    for _ in range(k - 1):
        # Only the newest centroid can bring a point closer: one O(n d) update per pick.
        d2 = np.minimum(d2, np.linalg.norm(X - centroids[-1], axis=1) ** 2)
        # D^2 sampling; chosen points have d2 = 0, so they are never drawn again.
        centroids.append(X[rng.choice(n, p=d2 / d2.sum())])
    return np.array(centroids)
