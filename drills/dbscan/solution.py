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
    # Pairwise distances (n, n), the squared differences summed one coordinate at a time in place:
    # d passes over one (n, n) array instead of an (n, n, d) temporary (the same sums, several
    # times faster for large n).
    D = np.zeros((n, n))
    for j in range(X.shape[1]):
        diff = np.subtract.outer(X[:, j], X[:, j])
        diff *= diff
        D += diff
    np.sqrt(D, out=D)
    neigh = D <= eps  # (n, n), the diagonal is True: a point is its own neighbour
    core = np.count_nonzero(neigh, axis=1) >= min_samples
    # Connected components of the core graph, in the index space of the core points: every core point
    # repeatedly takes the smallest label among its core neighbours (itself included), then the label
    # of that label (pointer jumping, so long chains converge in few rounds), until nothing changes.
    # Each round works on the list of core-core pairs (far fewer than the (c, c) matrix's entries):
    # np.nonzero lists them row by row, so np.minimum.reduceat takes each row's smallest label.
    core_idx = np.flatnonzero(core)
    rows, cols = np.nonzero(neigh[np.ix_(core_idx, core_idx)])
    starts = np.searchsorted(rows, np.arange(len(core_idx)))  # every row has a pair: its diagonal
    lab = np.arange(len(core_idx))
    while lab.size:  # no core point: nothing to propagate
        new = np.minimum.reduceat(lab[cols], starts)
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
