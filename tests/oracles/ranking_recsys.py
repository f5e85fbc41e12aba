"""Independent oracles for the numeric questions of content/20-ranking-recsys.yaml.

Ranked lists and rating vectors are built as NumPy arrays and the metrics recomputed from them
(cumulative hit counts, sorted ideal orderings, matrix products), so none of them reuses the YAML
expression.
"""

from __future__ import annotations

import numpy as np


def _bm25_tf(tf, dl, avgdl, k1, b):
    # Write BM25's tf part as k1+1 times a saturating fraction tf / (tf + K).
    K = k1 * ((1.0 - b) + b * (np.float64(dl) / avgdl))
    return float((k1 + 1.0) * (tf / (tf + K)))


def _precision_at_k(k, hits):
    ranked = np.zeros(k, dtype=bool)
    ranked[np.linspace(0, k - 1, hits).astype(int) if hits else []] = True
    return float(ranked.mean())


def _recall_at_k(total, hits):
    relevant = np.arange(total)
    top10 = np.concatenate([relevant[:hits], -np.arange(1, 11 - hits)]) if hits < 10 else relevant[:hits]
    return float(np.isin(relevant, top10).mean())


def _mrr(r1, r2, r3):
    lists = []
    for r in (r1, r2, r3):
        rel = np.zeros(10, dtype=bool)
        rel[r - 1] = True
        lists.append(rel)
    rr = [1.0 / (np.argmax(rel) + 1) for rel in lists]
    return float(np.mean(rr))


def _dcg(grades):
    g = np.asarray(grades, dtype=float)
    ranks = np.arange(1, g.size + 1)
    return float(np.sum((np.exp2(g) - 1.0) / np.log2(ranks + 1)))


def _dcg3(g1, g2, g3):
    return _dcg([g1, g2, g3])


def _ndcg3(g1, g2, g3):
    grades = [g1, g2, g3]
    return _dcg(grades) / _dcg(sorted(grades, reverse=True))


def _cosine(a1, a2, a3, b1, b2, b3):
    A = np.array([[a1, a2, a3], [b1, b2, b3]], dtype=float)
    A /= np.linalg.norm(A, axis=1, keepdims=True)
    return float((A @ A.T)[0, 1])


def _mf(mu, bu, bi, p1, p2, q1, q2):
    P = np.array([[p1, p2]])
    Q = np.array([[q1, q2]])
    return float((mu + np.array([bu])[:, None] + np.array([bi])[None, :] + P @ Q.T)[0, 0])


def _confidence(alpha, r):
    plays = np.ones(r, dtype=int) if r else np.zeros(0, dtype=int)
    return 1 + alpha * int(plays.sum())


ORACLES = {
    "ranking-recsys-bm25-param-01": _bm25_tf,
    "ranking-recsys-precision-at-k-param-01": _precision_at_k,
    "ranking-recsys-recall-at-k-param-01": _recall_at_k,
    "ranking-recsys-mrr-param-01": _mrr,
    "ranking-recsys-dcg-param-01": _dcg3,
    "ranking-recsys-ndcg-param-01": _ndcg3,
    "ranking-recsys-cosine-param-01": _cosine,
    "ranking-recsys-mf-param-01": _mf,
    "ranking-recsys-confidence-param-01": _confidence,
}
