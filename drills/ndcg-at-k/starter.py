"""NDCG@k for a batch of queries, from scratch with NumPy."""

import numpy as np


def ndcg_at_k(y_true, y_score, k):
    """Mean over queries (rows) of DCG@k / ideal DCG@k, as sklearn.metrics.ndcg_score(y_true, y_score, k=k).

    y_true: (n_queries, n_items) non-negative relevance; y_score: same shape, the model's scores.
    Gains are the relevances, the discount at 1-based rank r is 1 / log2(r + 1); tied scores share
    the mean gain of their group; a query whose ideal DCG is 0 scores 0. Returns a float.
    """
    # TODO: sort every row by decreasing score (np.argsort on -y_score, np.take_along_axis)
    # TODO: replace the gains of tied scores by their group mean
    # TODO: DCG@k and ideal DCG@k (y_true sorted in decreasing order) with the same discount
    # TODO: divide (0 where the ideal DCG is 0) and average over the queries
    raise NotImplementedError
