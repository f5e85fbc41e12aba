import math

import numpy as np


def cosine_top_k(queries, items, k):
    q = np.asarray(queries, dtype=float).tolist()
    x = np.asarray(items, dtype=float).tolist()
    x_norms = [math.sqrt(sum(v * v for v in row)) for row in x]
    all_idx, all_scores = [], []
    for row in q:
        qn = math.sqrt(sum(v * v for v in row))
        sims = []
        for j, item in enumerate(x):
            dot = sum(a * b for a, b in zip(row, item))
            sims.append(dot / (qn * x_norms[j]) if qn > 0 and x_norms[j] > 0 else 0.0)
        best = sorted(range(len(x)), key=lambda j: (-sims[j], j))[:k]
        all_idx.append(best)
        all_scores.append([sims[j] for j in best])
    return np.array(all_idx), np.array(all_scores)
