"""Mean average precision and mean reciprocal rank, from scratch with NumPy."""

import numpy as np


def mean_average_precision(ranked_relevance, n_relevant=None):
    """Mean over queries of AP = (1 / R) * sum of precision@k at the positions k of relevant items.

    ranked_relevance: a list of 0/1 sequences (one per query, best-ranked first; lengths may
    differ, lists may be empty) or a 2-D 0/1 array. R is n_relevant[q] when n_relevant is given,
    else the number of 1s in the query's list. A query with R = 0 has AP 0 (and counts in the mean).
    """
    # TODO: precision@k = (relevant items among the first k) / k
    # TODO: per query, sum precision@k where the item is relevant, divide by R (0 when R = 0)
    # TODO: mean over all queries
    raise NotImplementedError


def mean_reciprocal_rank(ranked_relevance):
    """Mean over queries of 1 / (1-based rank of the FIRST relevant item); 0 when there is none."""
    # TODO: rank of the first relevant item of each query
    # TODO: mean of the reciprocal ranks (0 for queries without a relevant item)
    raise NotImplementedError
