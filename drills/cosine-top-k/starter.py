"""Top-k retrieval by cosine similarity, from scratch with NumPy."""

import numpy as np


def cosine_top_k(queries, items, k):
    """Return (indices, scores), both of shape (n_queries, k).

    queries: (n_queries, d), items: (n_items, d), 1 <= k <= n_items. For each query, the k items
    with the highest cosine similarity, by decreasing similarity; equal similarities by increasing
    item index. A zero vector has cosine 0 with everything.
    """
    # TODO: normalise the rows of queries and items (zero rows stay zero)
    # TODO: all cosine similarities with one matrix product
    # TODO: top k per row (np.argpartition), then sort those k by decreasing score, ties by index
    raise NotImplementedError
