def top_k_frequent(items, k):
    distinct = []
    for x in items:
        if x not in distinct:
            distinct.append(x)
    pairs = [(x, items.count(x)) for x in distinct]
    pairs.sort(key=lambda pair: pair[1], reverse=True)  # stable: ties keep first-appearance order
    return pairs[:k]
