"""Hidden tests for `knn_predict`. Labels are compared exactly.

Test data avoid distance ties at the k-th neighbour (points are drawn from continuous
distributions), so any correct sort gives the same neighbours; vote ties are tested on purpose.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_equal, call, fail


def check(solution, reference, X_train, y_train, X_test, k):
    expected = reference.knn_predict(X_train.copy(), y_train.copy(), X_test.copy(), k)
    got = call(solution.knn_predict, X_train, y_train, X_test, k=k)
    arr = np.asarray(got)
    if arr.shape == expected.shape and arr.size and not np.issubdtype(arr.dtype, np.number):
        fail(f"returned values of type {arr.dtype}; return integer labels.", got=got)
    assert_equal(got, expected, what="labels")


def test_worked_example(solution, reference):
    """The example from the task."""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0]])
    check(solution, reference, X, np.array([0, 0, 1]), np.array([[0.2, 0.1]]), 3)


def test_k1_is_nearest_neighbour(solution, reference):
    """k = 1 returns the label of the single nearest point (not the second nearest)."""
    X = np.array([[0.0], [1.0], [2.1], [3.3]])
    y = np.array([2, 0, 1, 0])
    check(solution, reference, X, y, np.array([[0.1], [0.9], [2.0], [3.5]]), 1)


def test_uses_k_argument(solution, reference):
    """k = 5 votes among five neighbours (the closest three would vote differently)."""
    X = np.array([[0.0], [0.1], [0.2], [1.0], [1.1], [5.0], [5.1]])
    y = np.array([1, 1, 0, 0, 0, 1, 1])
    check(solution, reference, X, y, np.array([[0.05]]), 5)
    check(solution, reference, X, y, np.array([[0.05]]), 3)


def test_vote_tie_goes_to_smallest_label(solution, reference):
    """A 2-2 tie: the smallest label wins, even when the nearest neighbour has the larger label."""
    X = np.array([[0.0], [0.3], [0.7], [1.2], [9.0]])
    y = np.array([5, 2, 5, 2, 2])
    check(solution, reference, X, y, np.array([[0.01]]), 4)


def test_three_way_tie(solution, reference):
    """A 1-1-1 tie among labels 3, 1, 2 (nearest first): label 1 wins."""
    X = np.array([[0.0, 0.0], [0.0, 1.1], [1.3, 0.0], [8.0, 8.0]])
    y = np.array([3, 1, 2, 0])
    check(solution, reference, X, y, np.array([[0.05, 0.05]]), 3)


def test_euclidean_not_manhattan(solution, reference):
    """Which point is nearer depends on the metric: Euclidean is required."""
    X = np.array([[3.0, 0.0], [2.0, 2.0]])  # L1: 3 vs 4 ; L2: 3 vs 2.83
    y = np.array([0, 1])
    check(solution, reference, X, y, np.array([[0.0, 0.0]]), 1)


def test_non_contiguous_labels(solution, reference):
    """Labels such as 4 and 7 (not 0..n-1) are returned as they are."""
    rng = np.random.default_rng(11)
    X = np.vstack([rng.normal(0, 0.5, (10, 2)), rng.normal(4, 0.5, (10, 2))])
    y = np.array([4] * 10 + [7] * 10)
    check(solution, reference, X, y, rng.normal(2, 2.5, (15, 2)), 3)


def test_single_test_point_and_single_training_point(solution, reference):
    """n_train = 1, k = 1, n_test = 1."""
    check(solution, reference, np.array([[1.0, 2.0, 3.0]]), np.array([3]), np.array([[0.0, 0.0, 0.0]]), 1)


def test_k_equals_n_train(solution, reference):
    """k = n_train: every training point votes, the majority label wins everywhere."""
    rng = np.random.default_rng(5)
    X = rng.normal(size=(7, 3))
    y = np.array([0, 1, 1, 2, 1, 0, 2])
    check(solution, reference, X, y, rng.normal(size=(4, 3)), 7)


@pytest.mark.parametrize("seed", range(5))
def test_random_blobs(solution, reference, seed):
    """Seeded random clusters in several dimensions with several k."""
    rng = np.random.default_rng(100 + seed)
    d = int(rng.integers(1, 6))
    n_classes = int(rng.integers(2, 5))
    centers = rng.normal(0, 3, (n_classes, d))
    y = rng.integers(0, n_classes, 60)
    X = centers[y] + rng.normal(0, 1.5, (60, d))
    X_test = rng.normal(0, 3, (25, d))
    check(solution, reference, X, y, X_test, int(rng.choice([1, 3, 4, 5, 8])))


def test_returns_one_label_per_test_point(solution, reference):
    """Output shape is (n_test,), not (n_test, 1) or (n_test, k)."""
    rng = np.random.default_rng(2)
    check(solution, reference, rng.normal(size=(12, 2)), rng.integers(0, 3, 12), rng.normal(size=(6, 2)), 3)


def test_inputs_not_modified(solution, reference):
    """X_train, y_train and X_test are left untouched (checked on every call)."""
    rng = np.random.default_rng(9)
    check(solution, reference, rng.normal(size=(10, 2)), rng.integers(0, 2, 10), rng.normal(size=(3, 2)), 3)


def test_many_training_points(solution, reference):
    """Hundreds of training points, an odd k: exactly the k nearest must vote."""
    rng = np.random.default_rng(21)
    X = rng.normal(size=(400, 3))
    y = (X[:, 0] + 0.3 * rng.normal(size=400) > 0).astype(int) + 2 * (X[:, 1] > 0.8)
    check(solution, reference, X, y, rng.normal(size=(60, 3)), 7)


def test_k1_among_many_training_points(solution, reference):
    """k = 1 with hundreds of training points: exactly the single nearest point decides."""
    rng = np.random.default_rng(33)
    X = rng.normal(size=(600, 2))
    y = rng.integers(0, 5, 600)
    check(solution, reference, X, y, rng.normal(size=(40, 2)), 1)


def speed_case():
    # A large training set, two queries: a double loop's cost is per (query, training point) pair in
    # Python, the reference's is mostly per query (about 0.5 ms of CPU, 40x less). A loop over the
    # queries with the distances to all training points vectorized is fast here; one over the training
    # points is not.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(6000, 2))
    y = rng.integers(0, 4, 6000)
    return {"function": "knn_predict", "args": (X, y, rng.normal(size=(2, 2))), "kwargs": {"k": 5}}


@pytest.mark.parametrize("offset", [1e6, 1e7, 1e8])
def test_large_offset_small_spread(solution, reference, offset):
    """Coordinates near 1e6, 1e7, 1e8 with a spread of about 1: the same neighbours as near 0
    (distances from the differences; the expanded form ||a||² - 2a·b + ||b||² cancels there)."""
    rng = np.random.default_rng(int(np.log10(offset)))
    X = rng.normal(size=(200, 2))
    y = rng.integers(0, 4, 200)
    X_test = rng.normal(size=(40, 2))
    check(solution, reference, X + offset, y, X_test + offset, 1)
    check(solution, reference, X + offset, y, X_test + offset, 3)
