import numpy as np


def cosine_top_k(queries, items, k):
    q = np.asarray(queries, dtype=float)
    x = np.asarray(items, dtype=float)
    qn = np.linalg.norm(q, axis=1, keepdims=True)
    xn = np.linalg.norm(x, axis=1, keepdims=True)
    scores = np.divide(q, qn, out=np.zeros_like(q), where=qn > 0) @ np.divide(x, xn, out=np.zeros_like(x), where=xn > 0).T
    idx = np.argsort(scores, axis=1, kind="stable")[:, :k]
    return idx, np.take_along_axis(scores, idx, axis=1)
