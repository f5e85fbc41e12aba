import numpy as np


def kmeans_pp_init(X, k, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    n = len(X)
    sq = (X ** 2).sum(axis=1)
    centroids = [X[rng.integers(n)]]
    d2 = np.full(n, np.inf)
    for _ in range(k - 1):
        c = centroids[-1]
        # ||x - c||² = ||x||² - 2 x·c + ||c||²: fast, but it cancels far from the origin.
        d2 = np.minimum(d2, np.maximum(sq - 2 * X @ c + c @ c, 0.0))
        centroids.append(X[rng.choice(n, p=d2 / d2.sum())])
    return np.array(centroids)
