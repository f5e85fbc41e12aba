import numpy as np


def ndcg_at_k(y_true, y_score, k):
    """Mean over queries (rows) of DCG@k / ideal DCG@k; a query whose ideal DCG is 0 scores 0.

    Items with equal scores share their positions: each gets the mean gain of its tie group.
    """
    y_true = 2.0 ** np.asarray(y_true, dtype=float) - 1.0
    y_score = np.asarray(y_score, dtype=float)
    n_queries, n_items = y_true.shape
    discount = 1.0 / np.log2(np.arange(n_items) + 2.0)  # position r (0-based) -> 1 / log2(r + 2)
    discount[k:] = 0.0  # only the top k positions count
    # Rank by decreasing score; the order inside a tie group does not matter after averaging.
    order = np.argsort(-y_score, axis=1, kind="stable")
    sorted_scores = np.take_along_axis(y_score, order, axis=1)
    sorted_gains = np.take_along_axis(y_true, order, axis=1)
    # Tie groups: a new group starts at every row start and wherever the score changes.
    starts = np.ones((n_queries, n_items), dtype=bool)
    starts[:, 1:] = sorted_scores[:, 1:] != sorted_scores[:, :-1]
    group = np.cumsum(starts.ravel()) - 1  # one id per (query, tie group)
    group_mean = np.bincount(group, weights=sorted_gains.ravel()) / np.bincount(group)
    dcg = group_mean[group].reshape(n_queries, n_items) @ discount
    ideal = -np.sort(-y_true, axis=1)  # relevance in decreasing order
    idcg = ideal @ discount
    ndcg = np.divide(dcg, idcg, out=np.zeros(n_queries), where=idcg > 0)
    return float(ndcg.mean())
