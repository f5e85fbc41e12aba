"""The k most frequent items with collections.Counter."""

from collections import Counter


def top_k_frequent(items, k):
    """[(item, count), ...] for the k most frequent items, most frequent first.

    Counter counts in one pass and remembers the order in which items first appeared;
    most_common(k) sorts by count with a stable sort, so ties keep that first-appearance order,
    and it returns every item when k exceeds the number of distinct items.
    """
    return Counter(items).most_common(k)
