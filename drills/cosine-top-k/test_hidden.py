"""Hidden tests for `cosine_top_k`. Indices are compared exactly; scores with rtol=1e-9, atol=1e-12.

Random data have no near-ties; exact ties come from parallel or zero vectors (whose cosines are
computed exactly), so any correct way of computing the cosine gives the same order.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, assert_equal, call, fail

RTOL, ATOL = 1e-9, 1e-12


def check(solution, reference, queries, items, k):
    exp_idx, exp_scores = reference.cosine_top_k(np.copy(queries), np.copy(items), k)
    got = call(solution.cosine_top_k, queries, items, k)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail("expected a tuple (indices, scores).", got=got)
    idx = as_array(got[0], what="indices:")
    if idx.size and not np.issubdtype(idx.dtype, np.integer):
        fail(f"returned indices of dtype {idx.dtype}; return integer indices.", got=got[0])
    assert_equal(idx, exp_idx, what="indices")
    assert_close(got[1], exp_scores, rtol=RTOL, atol=ATOL, what="scores")


def test_worked_example(solution, reference):
    """The example from the task: [[0, 1], [0, 1]] with scores [[1, 0.7071], [0, 0]]."""
    check(solution, reference, np.array([[1.0, 0.0], [0.0, 0.0]]),
          np.array([[2.0, 0.0], [1.0, 1.0], [0.0, 3.0], [-1.0, 0.0]]), 2)


def test_direction_not_length(solution, reference):
    """A long item pointing elsewhere loses to a short item pointing the same way (normalised items)."""
    items = np.array([[100.0, 80.0], [0.1, 0.0], [0.0, 0.2], [3.0, 1.0]])
    check(solution, reference, np.array([[1.0, 0.0], [0.0, 5.0]]), items, 2)


def test_highest_similarity_first(solution, reference):
    """Results are sorted by decreasing similarity, including negative similarities."""
    items = np.array([[-1.0, 0.2], [0.5, 0.5], [1.0, -0.1], [-0.3, -1.0], [0.9, 0.3]])
    check(solution, reference, np.array([[1.0, 0.1]]), items, 5)


def test_parallel_items_tie_lower_index_first(solution, reference):
    """Items that are positive multiples of each other tie exactly: lower index first."""
    items = np.array([[0.0, 2.0], [5.0, 0.0], [1.0, 0.0], [0.0, 1.0], [3.0, 0.0]])
    check(solution, reference, np.array([[3.0, 4.0], [1.0, 0.0]]), items, 4)


def test_tie_at_the_kth_place(solution, reference):
    """Three items tie for the last two places: the two lowest indices are returned."""
    items = np.array([[4.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 2.0], [0.0, 7.0], [-1.0, 0.0]])
    check(solution, reference, np.array([[2.0, 1.0]]), items, 3)


def test_zero_query_and_zero_items(solution, reference):
    """Zero vectors have cosine 0 with everything (no nan); the ties go to the lowest indices."""
    items = np.array([[0.0, 0.0], [1.0, 1.0], [-1.0, -1.0], [0.0, 0.0], [2.0, -2.0]])
    check(solution, reference, np.array([[0.0, 0.0], [1.0, 0.0], [-1.0, 0.0]]), items, 3)


def test_k_one_and_k_all(solution, reference):
    """k = 1 gives the single best item; k = n_items ranks every item."""
    rng = np.random.default_rng(4)
    q, x = rng.normal(size=(3, 5)), rng.normal(size=(7, 5))
    check(solution, reference, q, x, 1)
    check(solution, reference, q, x, 7)


@pytest.mark.parametrize("seed", range(5))
def test_random_embeddings(solution, reference, seed):
    """Seeded random embeddings of several sizes, norms and k."""
    rng = np.random.default_rng(seed)
    n_q, n_x, d = int(rng.integers(1, 20)), int(rng.integers(2, 60)), int(rng.integers(2, 16))
    q = rng.normal(size=(n_q, d)) * rng.uniform(0.1, 10, (n_q, 1))
    x = rng.normal(size=(n_x, d)) * rng.uniform(0.1, 10, (n_x, 1))
    check(solution, reference, q, x, int(rng.integers(1, n_x + 1)))


def test_scale_invariance(solution, reference):
    """Rescaling queries and items by positive factors (1e-4 to 1e4) changes nothing."""
    rng = np.random.default_rng(11)
    q, x = rng.normal(size=(4, 6)), rng.normal(size=(30, 6))
    check(solution, reference, q * 1e-4, x * np.logspace(-4, 4, 30)[:, None], 5)


def test_many_items_small_k(solution, reference):
    """Thousands of items, k = 10: exactly the top 10 in order."""
    rng = np.random.default_rng(12)
    check(solution, reference, rng.normal(size=(8, 16)), rng.normal(size=(3000, 16)), 10)


def test_integer_and_list_inputs(solution, reference):
    """Integer vectors given as lists are accepted."""
    check(solution, reference, [[1, 2, 0], [0, 0, 3]], [[2, 4, 0], [1, 0, 0], [0, 1, 1], [0, 0, -5]], 3)


def test_single_query_many_dimensions(solution, reference):
    """One query in 300 dimensions against 50 items: the output is still 2-D, shape (1, k)."""
    rng = np.random.default_rng(13)
    check(solution, reference, rng.normal(size=(1, 300)), rng.normal(size=(50, 300)), 6)


def test_inputs_not_modified(solution, reference):
    """Queries and items are left untouched (no in-place normalisation; checked on every call)."""
    rng = np.random.default_rng(14)
    check(solution, reference, rng.normal(size=(5, 4)) * 3, rng.normal(size=(12, 4)) * 7, 4)


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "cosine_top_k", "args": (rng.normal(size=(200, 32)), rng.normal(size=(2000, 32)), 10)}
