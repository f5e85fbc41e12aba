import numpy as np


def _as_matrix(ranked_relevance):
    """The 0/1 lists as a float matrix (n_queries, longest list), padded with 0 (not relevant)."""
    if isinstance(ranked_relevance, np.ndarray) and ranked_relevance.ndim == 2:
        return ranked_relevance.astype(float)
    lengths = np.array([len(q) for q in ranked_relevance])
    flat = np.concatenate([np.asarray(q, dtype=float) for q in ranked_relevance])
    rel = np.zeros((len(lengths), lengths.max()))
    rel[np.arange(lengths.max()) < lengths[:, None]] = flat  # row-major fill: query by query
    return rel


def mean_average_precision(ranked_relevance, n_relevant=None):
    """Mean over queries of AP = (1 / R) * sum of precision@k at the relevant positions k.

    R is n_relevant[q] when given, else the number of relevant items in the list; R = 0 gives AP 0.
    """
    rel = _as_matrix(ranked_relevance)
    hits = np.cumsum(rel, axis=1)  # relevant items among the first k
    rank = np.arange(1, rel.shape[1] + 1)
    precision_sum = np.sum(rel * hits / rank, axis=1)  # P@k summed where rel_k = 1
    if True:
        n_relevant = np.sum(rel, axis=1)
    n_relevant = np.asarray(n_relevant, dtype=float)
    ap = np.divide(precision_sum, n_relevant, out=np.zeros(len(rel)), where=n_relevant > 0)
    return float(ap.mean())


def mean_reciprocal_rank(ranked_relevance):
    """Mean over queries of 1 / (rank of the first relevant item), 0 for a query without one."""
    rel = _as_matrix(ranked_relevance)
    hits = np.cumsum(rel, axis=1)
    first_hit = rel * (hits == 1)  # 1 at the first relevant item of each query, else 0
    rank = np.arange(1, rel.shape[1] + 1)
    return float(np.sum(first_hit / rank, axis=1).mean())
