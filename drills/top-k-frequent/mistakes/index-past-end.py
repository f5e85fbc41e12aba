from collections import Counter


def top_k_frequent(items, k):
    ranked = Counter(items).most_common()
    return [ranked[i] for i in range(k)]
