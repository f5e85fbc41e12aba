"""NDCG@k for a batch of queries, as sklearn.metrics.ndcg_score (linear gains, ties averaged)."""

import numpy as np


def ndcg_at_k(y_true, y_score, k):
    """Mean over queries (rows) of DCG@k / ideal DCG@k; a query whose ideal DCG is 0 scores 0.

    Items with equal scores share their positions: each gets the mean gain of its tie group.
    """
    y_true = np.asarray(y_true, dtype=float)
    y_score = np.asarray(y_score, dtype=float)
    n_queries, n_items = y_true.shape
    discount = np.reciprocal(np.log2(np.arange(n_items) + 2.0))  # 0-based position r -> 1 / log2(r + 2)
    discount[k:] = 0.0  # only the top k positions count
    # Ideal DCG: relevance in decreasing order, i.e. sorted ascending against the reversed discounts.
    idcg = np.sort(y_true) @ discount[::-1]
    # Rank every row by decreasing score (an ascending argsort read backwards). The order inside a
    # tie group does not matter, since the group's gains are averaged, so no stable sort is needed.
    order = np.argsort(y_score)[:, ::-1]
    # Work on flat arrays, row after row: index i * n_items + order[i, r] is row i's rank-r item.
    flat = (order + np.arange(0, y_score.size, n_items)[:, None]).ravel()
    sorted_scores, sorted_gains = y_score.ravel()[flat], y_true.ravel()[flat]
    # Tie groups: a new group starts at every row start and wherever the score changes.
    starts = np.empty(flat.size, dtype=bool)
    starts[1:] = sorted_scores[1:] != sorted_scores[:-1]
    starts[::n_items] = True
    first = np.flatnonzero(starts)  # flat index where each (query, tie group) begins
    sizes = np.diff(first, append=flat.size)
    group_mean = np.add.reduceat(sorted_gains, first) / sizes
    dcg = np.repeat(group_mean, sizes).reshape(n_queries, n_items) @ discount
    ndcg = np.divide(dcg, idcg, out=np.zeros(n_queries), where=idcg > 0)
    return float(ndcg.mean())
