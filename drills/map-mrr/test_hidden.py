"""Hidden tests for `mean_average_precision` and `mean_reciprocal_rank`.
Tolerance: rtol=1e-9, atol=1e-12 (sums of ratios of counts).

AP divides by n_relevant[q] when given, else by the relevant items in the list; queries with
R = 0 (or no relevant item, for RR) contribute 0 and count in the mean; RR uses the first hit.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-9, 1e-12
EXAMPLE = [[0, 1, 0, 1, 1], [1, 0, 0], [0, 0]]


def copy(ranked):
    return np.copy(ranked) if isinstance(ranked, np.ndarray) else [np.copy(q) for q in ranked]


def check_map(solution, reference, ranked, n_relevant=None):
    expected = reference.mean_average_precision(copy(ranked), None if n_relevant is None else np.copy(n_relevant))
    got = call(solution.mean_average_precision, ranked, n_relevant=n_relevant)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True, what="MAP")
    return expected


def check_mrr(solution, reference, ranked):
    expected = reference.mean_reciprocal_rank(copy(ranked))
    got = call(solution.mean_reciprocal_rank, ranked)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True, what="MRR")
    return expected


def check_both(solution, reference, ranked, n_relevant=None):
    check_map(solution, reference, ranked)
    if n_relevant is not None:
        check_map(solution, reference, ranked, n_relevant)
    check_mrr(solution, reference, ranked)


def random_lists(rng, n_queries, max_len, p):
    return [(rng.random(int(rng.integers(0, max_len + 1))) < p).astype(int).tolist() for _ in range(n_queries)]


def test_worked_example_map(solution, reference):
    """The example from the task: MAP = (0.5333 + 1 + 0) / 3 = 0.5111."""
    assert abs(check_map(solution, reference, EXAMPLE) - 23 / 45) < 1e-12


def test_worked_example_map_with_n_relevant(solution, reference):
    """The example with n_relevant = [4, 2, 1]: MAP = (0.4 + 0.5 + 0) / 3 = 0.3."""
    assert abs(check_map(solution, reference, EXAMPLE, [4, 2, 1]) - 0.3) < 1e-12


def test_worked_example_mrr(solution, reference):
    """The example from the task: MRR = (1/2 + 1 + 0) / 3 = 0.5."""
    assert abs(check_mrr(solution, reference, EXAMPLE) - 0.5) < 1e-12


def test_first_relevant_item_decides_rr(solution, reference):
    """RR is 1 / rank of the FIRST relevant item (ranks 3 and 2 here), not the last or an average."""
    check_mrr(solution, reference, [[0, 0, 1, 0, 1, 1], [0, 1, 1, 1]])


def test_ap_uses_precision_at_relevant_positions_only(solution, reference):
    """AP averages P@k at the relevant positions only (irrelevant positions add nothing)."""
    check_map(solution, reference, [[1, 0, 0, 0, 0, 1, 0, 0]])
    check_map(solution, reference, [[0, 0, 0, 1]])


def test_ap_divides_by_relevant_count_not_length(solution, reference):
    """A long list with two relevant items: divide by 2, not by the list length."""
    check_map(solution, reference, [[1, 0, 1, 0, 0, 0, 0, 0, 0, 0]])


def test_n_relevant_counts_missed_items(solution, reference):
    """With n_relevant larger than the hits in the list, the missed relevant items lower AP."""
    check_map(solution, reference, [[1, 1, 0, 1], [0, 1]], [5, 1])
    check_map(solution, reference, [[1, 0, 1]], [2])  # equal to the count: same as None


def test_queries_without_relevant_count_as_zero(solution, reference):
    """All-zero and empty lists contribute 0 and still count in both means."""
    check_both(solution, reference, [[0, 0, 0], [1, 0], [], [0]])


def test_n_relevant_zero(solution, reference):
    """n_relevant = 0 for a query (nothing relevant exists) gives AP 0, no division by zero."""
    check_map(solution, reference, [[0, 0], [0, 1, 1]], [0, 3])


def test_all_relevant_scores_one(solution, reference):
    """Every retrieved item relevant: AP = RR = 1."""
    check_both(solution, reference, [[1, 1, 1], [1], [1, 1]])


def test_single_query(solution, reference):
    """One query: the means are that query's AP and RR."""
    check_both(solution, reference, [[0, 0, 1, 1, 0, 1]], [4])


def test_2d_array_input(solution, reference):
    """A 2-D 0/1 array (equal lengths) is accepted, one row per query."""
    rng = np.random.default_rng(3)
    ranked = (rng.random((6, 8)) < 0.3).astype(int)
    check_both(solution, reference, ranked, ranked.sum(axis=1) + rng.integers(0, 3, 6))


def test_list_of_arrays_input(solution, reference):
    """A list of NumPy arrays of different lengths is accepted."""
    check_both(solution, reference, [np.array([0, 1, 1]), np.array([1, 0, 0, 0, 1]), np.array([0])])


@pytest.mark.parametrize("seed", range(5))
def test_random_queries(solution, reference, seed):
    """Seeded ragged batches with empty lists, several relevance rates, with and without n_relevant."""
    rng = np.random.default_rng(seed)
    ranked = random_lists(rng, int(rng.integers(1, 40)), int(rng.integers(1, 30)), float(rng.uniform(0.05, 0.7)))
    n_relevant = [sum(q) + int(rng.integers(0, 4)) for q in ranked]
    check_both(solution, reference, ranked, n_relevant)


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "mean_average_precision", "args": ((rng.random((20_000, 100)) < 0.5).astype(int),)}
