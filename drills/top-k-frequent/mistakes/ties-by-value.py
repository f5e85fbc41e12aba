from collections import Counter


def top_k_frequent(items, k):
    counts = Counter(items)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:k]
