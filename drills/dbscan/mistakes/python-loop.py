import math

import numpy as np


def dbscan(X, eps, min_samples=5):
    P = np.asarray(X, dtype=float).tolist()
    n = len(P)
    neighbours = []
    for i in range(n):
        row = []
        for j in range(n):
            if math.sqrt(sum((a - b) ** 2 for a, b in zip(P[i], P[j]))) <= eps:
                row.append(j)
        neighbours.append(row)
    core = [len(r) >= min_samples for r in neighbours]
    labels = [-1] * n
    c = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = c
        queue = [i]
        while queue:
            p = queue.pop()
            if not core[p]:
                continue
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = c
                    queue.append(q)
        c += 1
    return np.array(labels)
