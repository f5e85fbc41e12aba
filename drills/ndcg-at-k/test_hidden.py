"""Hidden tests for `ndcg_at_k`. Tolerance: rtol=1e-9, atol=1e-12 (sums of a few logarithms).

The contract is sklearn.metrics.ndcg_score(y_true, y_score, k=k): linear gains, 1/log2(rank + 1)
discount, score ties averaged, 0 for a query whose ideal DCG is 0, mean over the queries.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-9, 1e-12


def check(solution, reference, y_true, y_score, k):
    expected = reference.ndcg_at_k(np.copy(y_true), np.copy(y_score), k)
    got = call(solution.ndcg_at_k, y_true, y_score, k)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True, what="NDCG")
    return expected


def test_worked_example(solution, reference):
    """The example from the task: a 2-way tie at ranks 2-3, k = 3, NDCG = 0.988891."""
    ndcg = check(solution, reference, np.array([[3, 2, 3, 0, 1]]), np.array([[0.9, 0.8, 0.8, 0.1, 0.5]]), 3)
    assert abs(ndcg - 0.9888906808152526) < 1e-12


def test_perfect_ranking_scores_one(solution, reference):
    """Scores in the same order as the relevance give 1.0 at every k."""
    y = np.array([[0.0, 3.0, 1.0, 2.0, 0.0, 5.0]])
    for k in (1, 3, 6):
        check(solution, reference, y, y * 10 + 1, k)


def test_ranked_by_decreasing_score(solution, reference):
    """The highest score is rank 1 (not the lowest)."""
    check(solution, reference, np.array([[3, 0, 0, 1, 2]]), np.array([[0.1, 0.5, 0.9, 0.3, 0.7]]), 2)


def test_ideal_uses_sorted_relevance(solution, reference):
    """The ideal DCG sorts y_true in decreasing order (the input order is not ideal here)."""
    check(solution, reference, np.array([[0, 1, 3, 2]]), np.array([[0.4, 0.3, 0.2, 0.1]]), 4)


def test_ideal_truncated_at_k(solution, reference):
    """Both DCG and ideal DCG stop at position k."""
    check(solution, reference, np.array([[2, 0, 1, 3, 1]]), np.array([[0.5, 0.9, 0.1, 0.8, 0.3]]), 2)


def test_k_one_and_k_beyond_length(solution, reference):
    """k = 1 looks only at the top item; k larger than n_items means the whole list."""
    y_true, y_score = np.array([[1, 2, 0, 3]]), np.array([[0.3, 0.9, 0.2, 0.4]])
    check(solution, reference, y_true, y_score, 1)
    check(solution, reference, y_true, y_score, 10)


def test_linear_gain_not_exponential(solution, reference):
    """Graded relevance up to 4: the gain is the grade itself, not 2^grade - 1."""
    check(solution, reference, np.array([[4, 1, 0, 2, 3]]), np.array([[0.2, 0.9, 0.5, 0.7, 0.1]]), 3)


def test_tie_group_inside_top_k(solution, reference):
    """Three items tied at the top: each gets the mean gain of the group."""
    check(solution, reference, np.array([[0, 3, 1, 2]]), np.array([[0.5, 0.5, 0.5, 0.2]]), 4)


def test_tie_group_straddles_k(solution, reference):
    """A tie group at ranks 2-4 with k = 3: only ranks 2 and 3 count, each with the mean gain."""
    check(solution, reference, np.array([[1, 0, 3, 2, 0]]), np.array([[0.9, 0.4, 0.4, 0.4, 0.1]]), 3)


def test_all_scores_equal(solution, reference):
    """One big tie: every position gets the mean relevance."""
    check(solution, reference, np.array([[2, 0, 1, 0, 3, 0]]), np.zeros((1, 6)), 4)


def test_all_zero_relevance_query_counts_as_zero(solution, reference):
    """A query without relevant items scores 0.0 (not nan) and is still averaged in."""
    y_true = np.array([[0, 0, 0, 0], [1, 0, 2, 0]])
    y_score = np.array([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]])
    check(solution, reference, y_true, y_score, 3)
    check(solution, reference, np.zeros((2, 3)), np.ones((2, 3)), 2)


def test_mean_over_queries(solution, reference):
    """Several queries: the result is the mean of their NDCGs."""
    rng = np.random.default_rng(1)
    check(solution, reference, rng.integers(0, 4, (5, 7)), rng.random((5, 7)), 4)


@pytest.mark.parametrize("seed", range(5))
def test_random_batches_with_ties(solution, reference, seed):
    """Seeded batches with graded relevance and rounded scores (many ties), several k."""
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(1, 30)), int(rng.integers(2, 15))
    y_true = rng.integers(0, 5, (n, m)) * (rng.random((n, m)) < 0.6)
    y_score = np.round(rng.normal(size=(n, m)), int(rng.integers(0, 2)))
    for k in (1, int(rng.integers(1, m + 1)), m):
        check(solution, reference, y_true, y_score, k)


def test_float_relevance_and_negative_scores(solution, reference):
    """Real-valued relevance and negative scores are fine."""
    rng = np.random.default_rng(8)
    check(solution, reference, rng.random((4, 9)) * 2, rng.normal(-5, 1, (4, 9)), 5)


def test_list_inputs(solution, reference):
    """Plain nested lists are accepted."""
    check(solution, reference, [[3, 2, 3, 0, 1], [0, 1, 0, 0, 2]], [[0.9, 0.8, 0.8, 0.1, 0.5], [1, 2, 3, 4, 5]], 3)


def speed_case():
    rng = np.random.default_rng(0)
    # Many short queries: a loop pays its per-query cost 20,000 times (about 50x the reference here).
    y_true = rng.integers(0, 4, (20_000, 8))
    y_score = np.round(rng.random((20_000, 8)), 2)
    return {"function": "ndcg_at_k", "args": (y_true, y_score, 5)}
