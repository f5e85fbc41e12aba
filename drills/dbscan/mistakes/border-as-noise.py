import numpy as np


def dbscan(X, eps, min_samples=5):
    X = np.asarray(X, dtype=float)
    n = len(X)
    D = np.sqrt(((X[:, None] - X[None]) ** 2).sum(-1))
    neigh = D <= eps
    core = neigh.sum(1) >= min_samples
    labels = np.full(n, -1)
    c = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = c
        queue = [i]
        while queue:
            p = queue.pop()
            for q in np.flatnonzero(neigh[p] & core):
                if labels[q] == -1:
                    labels[q] = c
                    queue.append(q)
        c += 1
    return labels
