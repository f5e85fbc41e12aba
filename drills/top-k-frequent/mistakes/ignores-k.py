from collections import Counter


def top_k_frequent(items, k):
    return Counter(items).most_common()
