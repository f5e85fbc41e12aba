import math

import numpy as np


def ndcg_at_k(y_true, y_score, k):
    y_true = np.asarray(y_true, dtype=float).tolist()
    y_score = np.asarray(y_score, dtype=float).tolist()
    total = 0.0
    for rel, score in zip(y_true, y_score):
        order = sorted(range(len(score)), key=lambda i: -score[i])
        gains = [rel[i] for i in order]
        scores = [score[i] for i in order]
        dcg, start = 0.0, 0
        while start < len(order):
            end = start
            while end < len(order) and scores[end] == scores[start]:
                end += 1
            mean_gain = sum(gains[start:end]) / (end - start)
            for r in range(start, min(end, k)):
                dcg += mean_gain / math.log2(r + 2)
            start = end
        ideal = sorted(rel, reverse=True)
        idcg = sum(g / math.log2(r + 2) for r, g in enumerate(ideal[:k]))
        total += dcg / idcg if idcg > 0 else 0.0
    return total / len(y_true)
