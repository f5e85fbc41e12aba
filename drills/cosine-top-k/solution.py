"""Top-k items by cosine similarity for every query (exact top-k with deterministic ties)."""

import numpy as np


def _unit_rows(x):
    """Rows scaled to unit length; zero rows stay zero (so their cosine with anything is 0)."""
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)


def cosine_top_k(queries, items, k):
    """Return (indices, scores), both (n_queries, k): the k most similar items per query, by
    decreasing cosine similarity, equal similarities by increasing item index."""
    queries = np.asarray(queries, dtype=float)
    items = np.asarray(items, dtype=float)
    scores = _unit_rows(queries) @ _unit_rows(items).T  # (n_queries, n_items) cosine similarities
    n_queries, n_items = scores.shape
    # The k-th largest score of each row in O(n_items) (a partial sort, like np.argpartition).
    kth = np.partition(scores, n_items - k)[:, n_items - k, None]  # along each row
    # Exactly k items per row: everything above the k-th score, then the lowest-index items equal to it.
    above = scores > kth
    at = scores == kth
    missing = k - above.sum(axis=1, keepdims=True)
    chosen = above | (at & (np.cumsum(at, axis=1) <= missing))
    indices = np.nonzero(chosen)[1].reshape(n_queries, k)  # increasing index within each row
    top = np.take_along_axis(scores, indices, axis=1)  # mutation: equivalent — on 2-D arrays the default axis -1 is axis 1
    # Sort the k winners by decreasing score; the stable sort keeps lower indices first among ties.
    order = np.argsort(-top, kind="stable")  # along each row
    return (np.take_along_axis(indices, order, axis=1),  # mutation: equivalent — on 2-D arrays the default axis -1 is axis 1
            np.take_along_axis(top, order, axis=1))  # mutation: equivalent — on 2-D arrays the default axis -1 is axis 1
