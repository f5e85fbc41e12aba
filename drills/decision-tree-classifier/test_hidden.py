"""Hidden tests for `fit_predict_tree`. Predicted labels are compared exactly with the reference.

Random cases use continuous features, so no two candidate splits tie unless a test builds the tie
on purpose (duplicated columns, mirror-symmetric labels, majority ties in leaves).
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_equal, call, fail


def check(solution, reference, X_train, y_train, X_test, **kwargs):
    expected = reference.fit_predict_tree(np.copy(X_train), np.copy(y_train), np.copy(X_test), **kwargs)
    got = call(solution.fit_predict_tree, X_train, y_train, X_test, **kwargs)
    arr = np.asarray(got)
    if arr.shape == expected.shape and arr.size and not np.issubdtype(arr.dtype, np.number):
        fail(f"returned values of type {arr.dtype}; return the integer labels of y_train.", got=got)
    assert_equal(got, expected, what="predictions")
    return arr


EX_X = np.array([[1, 5], [2, 4], [3, 3], [4, 2], [5, 1], [6, 6]], dtype=float)
EX_Y = np.array([0, 0, 1, 1, 0, 1])
EX_T = np.array([[2.6, 1.2], [2.6, 1.6], [0.0, 9.0]])


def data(seed, n=80, d=3, k=2, noise=0.5):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    score = X @ rng.normal(size=d) + np.sin(3 * X[:, 0]) + noise * rng.normal(size=n)
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, k + 1)[1:-1]))
    return X, y, rng.normal(size=(60, d)) * 1.3


def test_worked_example(solution, reference):
    """The example from the task with max_depth=2: [0, 1, 0]."""
    check(solution, reference, EX_X, EX_Y, EX_T, max_depth=2)


def test_worked_example_shallower(solution, reference):
    """The same data with max_depth=1 ([1, 1, 0]) and max_depth=0 (one leaf, a 3-3 tie -> label 0)."""
    check(solution, reference, EX_X, EX_Y, EX_T, max_depth=1)
    check(solution, reference, EX_X, EX_Y, EX_T, max_depth=0)


def test_each_max_depth_level(solution, reference):
    """max_depth = 1, 2, 3, 4 on the same data: the root is depth 0, so max_depth splits are allowed."""
    X, y, X_test = data(1, n=120, k=3)
    for depth in (1, 2, 3, 4):
        check(solution, reference, X, y, X_test, max_depth=depth)


def test_unlimited_depth_fits_training_data(solution, reference):
    """max_depth=None grows until every leaf is pure: training points are predicted exactly."""
    X, y, _ = data(2, n=60)
    got = check(solution, reference, X, y, X)
    if not np.array_equal(got, y):
        fail("with max_depth=None every leaf must be pure, so training labels are reproduced.")


def test_min_samples_split(solution, reference):
    """Nodes with fewer than min_samples_split samples become leaves."""
    X, y, X_test = data(3, n=60, noise=1.5)
    for mss in (2, 10, 25):
        check(solution, reference, X, y, X_test, max_depth=None, min_samples_split=mss)


def test_node_with_exactly_min_samples_split_is_split(solution, reference):
    """A node with exactly min_samples_split samples is still split (only fewer make a leaf)."""
    X = np.arange(10.0)[:, None]
    y = np.array([0, 0, 0, 1, 1, 1, 1, 0, 0, 0])
    check(solution, reference, X, y, X, min_samples_split=10)
    check(solution, reference, X, y, X, min_samples_split=11)


def test_leaf_majority_tie_goes_to_smallest_label(solution, reference):
    """A leaf with labels [9, 9, 4, 4]: the prediction is 4, the smaller label."""
    X = np.array([[0.0], [1.0], [2.0], [3.0], [10.0], [11.0], [12.0], [13.0]])
    y = np.array([9, 9, 4, 4, 4, 4, 4, 9])
    check(solution, reference, X, y, np.array([[0.5], [12.5], [5.0]]), max_depth=1)
    check(solution, reference, X[[0, 2, 1, 3]], np.array([9, 4, 9, 4]), np.array([[1.5]]), max_depth=0)


def test_feature_tie_goes_to_first_feature(solution, reference):
    """Columns 0 and 1 split the training rows identically: feature 0 is used (visible on test rows)."""
    X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 40.0]])
    y = np.array([0, 0, 1, 1])
    X_test = np.array([[1.0, 40.0], [4.0, 10.0]])
    check(solution, reference, X, y, X_test, max_depth=1)
    check(solution, reference, X[:, ::-1].copy(), y, X_test[:, ::-1].copy(), max_depth=1)


def test_threshold_tie_goes_to_smallest(solution, reference):
    """Labels [0, 1, 1, 0]: thresholds 1.5 and 3.5 tie, 1.5 is used."""
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    check(solution, reference, X, np.array([0, 1, 1, 0]), np.array([[1.2], [1.7], [3.2], [3.7]]), max_depth=1)


def test_thresholds_are_midpoints(solution, reference):
    """Training values 0 and 10 are split at 5: a test point at 3 goes left, at 7 goes right."""
    X = np.array([[0.0], [10.0], [11.0], [-1.0]])
    y = np.array([0, 1, 1, 0])
    check(solution, reference, X, y, np.array([[3.0], [7.0], [5.0], [5.0001]]), max_depth=1)


def test_children_weighted_by_size(solution, reference):
    """A tiny pure child does not beat a balanced split: the Gini of the children is size-weighted."""
    X = np.arange(10.0)[:, None]
    y = np.array([1, 0, 0, 0, 1, 1, 1, 1, 0, 1])
    check(solution, reference, X, y, np.linspace(-0.5, 9.5, 21)[:, None], max_depth=1)


def test_constant_features_make_a_leaf(solution, reference):
    """No feature has two distinct values: the root is a leaf predicting the majority."""
    X = np.ones((5, 2))
    check(solution, reference, X, np.array([2, 1, 2, 1, 1]), np.array([[0.0, 5.0], [1.0, 1.0]]))


def test_non_contiguous_labels_and_lists(solution, reference):
    """Labels 3, 7, 12 are returned as they are; lists are accepted."""
    X, y, X_test = data(4, n=50, k=3)
    labels = np.array([3, 7, 12])[y]
    check(solution, reference, X.tolist(), labels.tolist(), X_test.tolist(), max_depth=3)


def test_integer_features(solution, reference):
    """Integer X (many repeated values): no split between equal values, float midpoints."""
    rng = np.random.default_rng(5)
    X = rng.integers(0, 6, size=(70, 3))
    y = ((X[:, 0] + X[:, 1] > 5) ^ (X[:, 2] == 2)).astype(int)
    check(solution, reference, X, y, rng.integers(-1, 7, size=(40, 3)), max_depth=3)


@pytest.mark.parametrize("seed", range(6))
def test_random_data(solution, reference, seed):
    """Seeded random continuous data, 2-4 classes, several depths."""
    rng = np.random.default_rng(50 + seed)
    X, y, X_test = data(seed + 10, n=int(rng.integers(30, 150)), d=int(rng.integers(1, 6)), k=int(rng.integers(2, 5)))
    check(solution, reference, X, y, X_test, max_depth=[1, 2, 3, 5, None, 4][seed])


def test_inputs_not_modified(solution, reference):
    """X_train, y_train and X_test are left untouched (checked on every call)."""
    X, y, X_test = data(6, n=40)
    check(solution, reference, X, y, X_test, max_depth=2)


def speed_case():
    X, y, _ = data(0, n=2000, d=4, k=3)
    return {"function": "fit_predict_tree", "args": (X, y, X), "kwargs": {"max_depth": 6}}
