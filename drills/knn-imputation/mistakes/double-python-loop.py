import math

import numpy as np


def knn_impute(X, k=3):
    out = np.array(X, dtype=float)
    rows = out.tolist()
    complete = [r for r in rows if not any(math.isnan(v) for v in r)]
    for i, row in enumerate(rows):
        obs = [j for j, v in enumerate(row) if not math.isnan(v)]
        if len(obs) == len(row):
            continue
        dists = []
        for c, donor in enumerate(complete):
            dists.append((math.sqrt(sum((row[j] - donor[j]) ** 2 for j in obs)), c))
        dists.sort()
        chosen = [complete[c] for _, c in dists[:k]]
        for j in range(len(row)):
            if math.isnan(row[j]):
                out[i, j] = sum(d[j] for d in chosen) / len(chosen)
    return out
