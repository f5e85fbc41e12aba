import math

import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float).tolist()
    labels = np.asarray(labels).tolist()
    n = len(X)
    classes = sorted(set(labels))
    if not 2 <= len(classes) <= n - 1:
        raise ValueError("bad number of labels")
    total = 0.0
    for i in range(n):
        sums = {c: 0.0 for c in classes}
        counts = {c: 0 for c in classes}
        for j in range(n):
            dij = math.sqrt(sum((p - q) ** 2 for p, q in zip(X[i], X[j])))
            sums[labels[j]] += dij
            counts[labels[j]] += 1
        own = labels[i]
        if counts[own] == 1:
            continue
        a = sums[own] / (counts[own] - 1)
        b = min(sums[c] / counts[c] for c in classes if c != own)
        if max(a, b) > 0:
            total += (b - a) / max(a, b)
    return total / n
