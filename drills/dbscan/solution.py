"""DBSCAN density-based clustering, vectorized over a boolean neighbourhood matrix."""

import numpy as np


def dbscan(X, eps, min_samples=5):
    """Cluster the rows of X; returns int labels (n,), -1 for noise, clusters 0, 1, ... .

    Neighbours: distance <= eps, the point itself included. Core: >= min_samples neighbours.
    Clusters are the connected groups of core points (core points within eps of each other),
    numbered in order of their lowest-index core point; a non-core point within eps of a core point
    (a border point) takes the smallest cluster number among its core neighbours; others are noise.
    """
    X = np.asarray(X, dtype=float)
    n = len(X)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    neigh = D <= eps  # (n, n), the diagonal is True: a point is its own neighbour
    core = neigh.sum(axis=1) >= min_samples
    # Connected components of the core graph, in the index space of the core points: every core point
    # repeatedly takes the smallest label among its core neighbours (itself included), then the label
    # of that label (pointer jumping, so long chains converge in few rounds), until nothing changes.
    core_idx = np.flatnonzero(core)
    adj = neigh[np.ix_(core_idx, core_idx)]
    lab = np.arange(len(core_idx))
    while lab.size:  # no core point: nothing to propagate
        new = np.where(adj, lab[None, :], len(core_idx)).min(axis=1)
        new = new[new]
        if np.array_equal(new, lab):
            break
        lab = new
    # Each label is now the lowest core position of its component, so ranking the distinct labels
    # numbers the clusters in order of their lowest-index core point.
    labels = np.full(n, -1)
    labels[core_idx] = np.unique(lab, return_inverse=True)[1]
    # Border points: the smallest cluster number among their core neighbours (noise if none).
    cand = np.where(neigh & core[None, :], labels[None, :], n).min(axis=1)
    border = ~core & (cand < n)  # n = no core neighbour
    labels[border] = cand[border]
    return labels
