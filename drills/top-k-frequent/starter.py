"""Top-k frequent items."""

from collections import Counter


def top_k_frequent(items, k):
    """Return [(item, count), ...] for the k most frequent items, most frequent first.

    Ties go to the item that appears first in `items`. If k exceeds the number of distinct items,
    return them all. items is not modified.
    """
    # TODO: count every item in one pass
    # TODO: order by count (descending), ties by first appearance, and keep the first k
    raise NotImplementedError
