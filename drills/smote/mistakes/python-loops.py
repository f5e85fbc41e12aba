import math

import numpy as np


def smote(X_minority, n_new, k=5, seed=None):
    X = np.asarray(X_minority, dtype=float)
    pts = X.tolist()
    n = len(pts)
    k = min(k, n - 1)
    neighbours = []
    for i in range(n):
        d = []
        for j in range(n):
            if j != i:
                d.append((math.dist(pts[i], pts[j]), j))
        d.sort()
        neighbours.append([j for _, j in d[:k]])
    rng = np.random.default_rng(seed)
    out = np.empty((n_new, X.shape[1]))
    for s in range(n_new):
        i = int(rng.integers(0, n))
        j = neighbours[i][int(rng.integers(0, k))]
        out[s] = X[i] + rng.random() * (X[j] - X[i])
    return out
