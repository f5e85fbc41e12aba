"""The ranking-recsys drill references agree with scikit-learn or with independent transcriptions on
random inputs inside their contracts (test-only: the drills themselves import nothing but NumPy).

- ndcg-at-k vs sklearn.metrics.ndcg_score(y_true, y_score, k=k) (default ignore_ties=False: tied
  scores share the mean gain of their group; an all-zero query scores 0 and counts in the mean);
  scores are rounded so that ties are frequent;
- map-mrr: each query's AP vs sklearn.metrics.average_precision_score on that list with strictly
  decreasing scores (the list is every item of the query, so its relevant items are all the relevant
  items); with n_relevant = found + missed, AP scales by found / n_relevant. scikit-learn has no MRR
  over ranked lists, so mean_reciprocal_rank is checked against a pure-Python first-hit loop;
- cosine-top-k: the scores vs sklearn.metrics.pairwise.cosine_similarity (zero rows give 0 there
  too) and the winners vs a lexicographic sort on (-similarity, index);
- matrix-factorization-sgd: no library does one ordered SGD epoch of biased MF, so it is checked
  against a pure-Python transcription of the stated update equations (nested lists, math.fsum).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




@pytest.mark.content
@pytest.mark.parametrize("seed", range(60))
def test_ndcg_matches_sklearn_ndcg_score(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("ndcg-at-k")
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(1, 40)), int(rng.integers(2, 25))
    y_true = rng.integers(0, 5, (n, m)) * (rng.random((n, m)) < rng.uniform(0.2, 1.0))
    if seed % 3 == 0:
        y_true = y_true + rng.random((n, m))  # real-valued relevance
    y_score = np.round(rng.normal(size=(n, m)), int(rng.integers(0, 3)))  # many ties
    k = int(rng.integers(1, m + 3))
    expected = metrics.ndcg_score(y_true, y_score, k=k)
    assert ref.ndcg_at_k(y_true, y_score, k) == pytest.approx(expected, rel=1e-9, abs=1e-12)


def random_ranked_lists(rng, n_queries, max_len, p, min_len=0):
    return [(rng.random(int(rng.integers(min_len, max_len + 1))) < p).astype(int) for _ in range(n_queries)]


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_map_matches_sklearn_average_precision_per_query(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("map-mrr")
    rng = np.random.default_rng(500 + seed)
    ranked = random_ranked_lists(rng, int(rng.integers(1, 20)), 30, float(rng.uniform(0.1, 0.6)), min_len=1)
    ranked = [np.r_[q, 1] if q.sum() == 0 else q for q in ranked]  # sklearn needs a positive per query
    extra = rng.integers(0, 4, len(ranked))
    per_query, per_query_missed = [], []
    for q, e in zip(ranked, extra):
        ap = metrics.average_precision_score(q, -np.arange(len(q), dtype=float))  # strictly decreasing scores
        per_query.append(ap)
        per_query_missed.append(ap * q.sum() / (q.sum() + e))  # missed relevant items only enlarge R
    assert ref.mean_average_precision(ranked) == pytest.approx(np.mean(per_query), rel=1e-9, abs=1e-12)
    n_relevant = [int(q.sum() + e) for q, e in zip(ranked, extra)]
    assert ref.mean_average_precision(ranked, n_relevant) == pytest.approx(np.mean(per_query_missed), rel=1e-9, abs=1e-12)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_mrr_matches_pure_python_first_hit(seed):
    ref = load("map-mrr")
    rng = np.random.default_rng(800 + seed)
    ranked = random_ranked_lists(rng, int(rng.integers(1, 30)), 25, float(rng.uniform(0.02, 0.5)))
    expected = np.mean([next((1.0 / (i + 1) for i, r in enumerate(q.tolist()) if r), 0.0) for q in ranked])
    assert ref.mean_reciprocal_rank([q.tolist() for q in ranked]) == pytest.approx(expected, rel=1e-12, abs=1e-15)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_cosine_top_k_matches_sklearn_cosine_similarity(seed):
    pairwise = pytest.importorskip("sklearn.metrics.pairwise")
    ref = load("cosine-top-k")
    rng = np.random.default_rng(1200 + seed)
    n_q, n_x, d = int(rng.integers(1, 15)), int(rng.integers(1, 80)), int(rng.integers(1, 12))
    q = rng.normal(size=(n_q, d)) * (rng.random((n_q, 1)) > 0.1)  # some zero queries
    x = rng.normal(size=(n_x, d)) * (rng.random((n_x, 1)) > 0.1)  # some zero items
    if seed % 2:
        x = np.round(x)  # integer vectors: exact duplicates and parallel items, hence ties
    k = int(rng.integers(1, n_x + 1))
    sims = pairwise.cosine_similarity(q, x)
    idx, scores = ref.cosine_top_k(q, x, k)
    np.testing.assert_allclose(scores, np.take_along_axis(sims, idx, axis=1), rtol=1e-9, atol=1e-12)
    for row in range(n_q):  # the same winners as a lexicographic sort on (-similarity, index),
        # comparing similarities rounded to 12 digits so that the two libraries' last bits do not matter
        key = np.round(sims[row], 12)
        expected = np.lexsort((np.arange(n_x), -key))[:k]
        assert idx[row].tolist() == expected.tolist()


def mf_epoch_pure_python(P, Q, bu, bi, mu, ratings, lr, reg):
    """The stated update equations on nested Python lists (simultaneous update of p_u and q_i)."""
    P, Q, bu, bi = [list(r) for r in P.tolist()], [list(r) for r in Q.tolist()], bu.tolist(), bi.tolist()
    sq = 0.0
    for u, i, r in ratings.tolist():
        u, i = int(u), int(i)
        e = r - (mu + bu[u] + bi[i] + math.fsum(a * b for a, b in zip(P[u], Q[i])))
        sq += e * e
        bu[u], bi[i] = bu[u] + lr * (e - reg * bu[u]), bi[i] + lr * (e - reg * bi[i])
        P[u], Q[i] = ([p + lr * (e * q - reg * p) for p, q in zip(P[u], Q[i])],
                      [q + lr * (e * p - reg * q) for p, q in zip(P[u], Q[i])])
    return np.array(P), np.array(Q), np.array(bu), np.array(bi), math.sqrt(sq / len(ratings))


@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_mf_sgd_epoch_matches_pure_python_transcription(seed):
    ref = load("matrix-factorization-sgd")
    rng = np.random.default_rng(1500 + seed)
    n_users, n_items, k, n = (int(rng.integers(1, 15)), int(rng.integers(1, 15)), int(rng.integers(1, 6)),
                              int(rng.integers(1, 100)))
    ratings = np.column_stack([rng.integers(0, n_users, n), rng.integers(0, n_items, n), rng.uniform(1, 5, n)])
    args = (rng.normal(0, 0.3, (n_users, k)), rng.normal(0, 0.3, (n_items, k)), rng.normal(0, 0.3, n_users),
            rng.normal(0, 0.3, n_items), float(rng.uniform(2, 4)), ratings, float(rng.uniform(0.001, 0.2)),
            float(rng.uniform(0, 0.3)))
    got = ref.mf_sgd_epoch(*args)
    expected = mf_epoch_pure_python(*args)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=1e-9, atol=1e-12)
