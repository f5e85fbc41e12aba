import numpy as np


def kmeans(X, k, max_iters=100, seed=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(len(X), size=k, replace=False)]

    def assign(centroids):
        labels = np.empty(len(X), dtype=int)
        for i, x in enumerate(X):  # one point at a time: correct, but a Python loop over n
            labels[i] = int(np.argmin(((centroids - x) ** 2).sum(axis=1)))
        return labels

    labels = assign(centroids)
    for _ in range(max_iters):
        centroids = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else centroids[j]
                              for j in range(k)])
        new_labels = assign(centroids)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return centroids, assign(centroids)
