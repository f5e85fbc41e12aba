"""Hidden tests for `knn_regress`. Tolerance: RTOL=1e-9, ATOL=1e-12 (a mean of k targets: float64
rounding only). Test data avoid distance ties at the k-th neighbour (points are drawn from
continuous distributions or hand-picked), so any correct sort gives the same neighbours.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-9, 1e-12


def check(solution, reference, X_train, y_train, X_test, k):
    expected = reference.knn_regress(X_train.copy(), y_train.copy(), X_test.copy(), k)
    got = call(solution.knn_regress, X_train, y_train, X_test, k=k)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="predictions")


def test_worked_example(solution, reference):
    """The example from the task: the mean of the 3 nearest targets, not swayed by the far point."""
    check(solution, reference, np.array([[0.0], [1.0], [2.0], [10.0]]), np.array([1.0, 2.0, 4.0, 100.0]),
          np.array([[0.9]]), 3)


def test_k1_is_nearest_target(solution, reference):
    """k = 1 returns the target of the single nearest point (not the second nearest)."""
    X = np.array([[0.0], [1.0], [2.1], [3.3]])
    check(solution, reference, X, np.array([5.0, -1.0, 2.5, 8.0]), np.array([[0.1], [0.9], [2.0], [3.5]]), 1)


def test_uses_k_argument(solution, reference):
    """k = 2, 4 and 5 average different numbers of neighbours."""
    X = np.array([[0.0], [0.1], [0.25], [1.0], [1.2], [5.0], [5.1]])
    y = np.array([1.0, 3.0, 10.0, -4.0, 0.5, 100.0, 200.0])
    for k in (2, 4, 5):
        check(solution, reference, X, y, np.array([[0.05], [4.0]]), k)


def test_mean_not_median_or_weighted(solution, reference):
    """An unweighted mean: one neighbour with a large target moves the prediction (the median would not)."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.5, 0.0], [9.0, 9.0]])
    check(solution, reference, X, np.array([1.0, 2.0, 30.0, 7.0]), np.array([[0.1, 0.1]]), 3)


def test_euclidean_not_manhattan(solution, reference):
    """Which point is nearer depends on the metric: Euclidean is required."""
    X = np.array([[3.0, 0.0], [2.0, 2.0]])  # L1: 3 vs 4 ; L2: 3 vs 2.83
    check(solution, reference, X, np.array([10.0, 20.0]), np.array([[0.0, 0.0]]), 1)


def test_integer_targets_give_fractional_means(solution, reference):
    """Integer targets: the mean of 1, 2 and 2 is 1.667, not 1."""
    X = np.array([[0.0], [1.0], [2.0], [7.0]])
    check(solution, reference, X, np.array([1, 2, 2, 9]), np.array([[1.1], [6.0]]), 3)


def test_k_equals_n_train(solution, reference):
    """k = n_train: every prediction is the mean of all targets."""
    rng = np.random.default_rng(5)
    check(solution, reference, rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=(4, 3)), 6)


def test_single_training_point(solution, reference):
    """n_train = 1, k = 1: its target everywhere."""
    check(solution, reference, np.array([[1.0, 2.0]]), np.array([4.5]), np.array([[0.0, 0.0], [9.0, -3.0]]), 1)


def test_returns_one_value_per_test_point(solution, reference):
    """Output shape is (n_test,), not (n_test, 1) or (n_test, k)."""
    rng = np.random.default_rng(2)
    check(solution, reference, rng.normal(size=(12, 2)), rng.normal(size=12), rng.normal(size=(6, 2)), 3)


@pytest.mark.parametrize("seed", range(5))
def test_random_regression(solution, reference, seed):
    """Seeded random smooth targets in several dimensions with several k."""
    rng = np.random.default_rng(900 + seed)
    d = int(rng.integers(1, 6))
    X = rng.normal(0, 2, (80, d))
    y = np.sin(X).sum(axis=1) + 0.1 * rng.normal(size=80)
    check(solution, reference, X, y, rng.normal(0, 2, (25, d)), int(rng.choice([1, 2, 3, 5, 8])))


def test_many_training_points(solution, reference):
    """Hundreds of training points with k = 1 and k = 7: exactly the k nearest are averaged."""
    rng = np.random.default_rng(21)
    X = rng.normal(size=(400, 3))
    y = X[:, 0] ** 2 - X[:, 1] + 0.3 * rng.normal(size=400)
    X_test = rng.normal(size=(60, 3))
    check(solution, reference, X, y, X_test, 1)
    check(solution, reference, X, y, X_test, 7)


def test_inputs_not_modified(solution, reference):
    """X_train, y_train and X_test are left untouched (checked on every call)."""
    rng = np.random.default_rng(9)
    check(solution, reference, rng.normal(size=(10, 2)), rng.normal(size=10), rng.normal(size=(3, 2)), 3)


def speed_case():
    rng = np.random.default_rng(0)
    # A large training set and few queries: the double loop's per-query sort of all n_train
    # distances in Python weighs more, the reference's cost per distance stays the same (about
    # 15 to 25 ms of CPU for the reference, 20 to 40x as long for the double loop, by CPU).
    return {"function": "knn_regress", "args": (rng.normal(size=(6000, 2)), rng.normal(size=6000),
                                                rng.normal(size=(60, 2))), "kwargs": {"k": 5}}


@pytest.mark.parametrize("offset", [1e6, 1e7, 1e8])
def test_large_offset_small_spread(solution, reference, offset):
    """Coordinates near 1e6, 1e7, 1e8 with a spread of about 1: the same neighbours as near 0
    (distances from the differences; the expanded form ||a||² - 2a·b + ||b||² cancels there)."""
    rng = np.random.default_rng(int(np.log10(offset)))
    X = rng.normal(size=(200, 2))
    y = rng.normal(size=200)
    X_test = rng.normal(size=(40, 2))
    check(solution, reference, X + offset, y, X_test + offset, 1)
    check(solution, reference, X + offset, y, X_test + offset, 3)
