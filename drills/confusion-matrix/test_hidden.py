"""Hidden tests for `confusion_matrix`. Counts are compared exactly (any integer dtype, or whole-number floats)."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_equal, call, fail


def check(solution, reference, y_true, y_pred, **kwargs):
    expected = reference.confusion_matrix(np.copy(y_true), np.copy(y_pred), **kwargs)
    got = call(solution.confusion_matrix, y_true, y_pred, **kwargs)
    arr = as_array(got)
    if arr.dtype.kind not in "iuf":
        fail(f"returned values of type {arr.dtype}; return an array of integer counts.", got=got)
    assert_equal(got, expected, what="confusion matrix")


def test_worked_example(solution, reference):
    """The example from the task (3 classes, one true-1 sample predicted as 2)."""
    check(solution, reference, np.array([0, 1, 1, 2]), np.array([0, 2, 1, 2]))


def test_rows_are_true_columns_are_predicted(solution, reference):
    """Binary case with 2 false negatives and no false positive: C = [[1, 0], [2, 1]], not its transpose."""
    check(solution, reference, np.array([1, 1, 1, 0]), np.array([1, 0, 0, 0]))


def test_repeated_pairs_are_all_counted(solution, reference):
    """The same (true, predicted) pair five times counts 5, not 1."""
    check(solution, reference, np.array([1, 1, 1, 1, 1, 0, 0]), np.array([0, 0, 0, 0, 0, 0, 1]))


def test_n_classes_adds_empty_rows_and_columns(solution, reference):
    """n_classes=5 with labels 0..2 only: a 5x5 matrix whose last rows/columns are zero."""
    check(solution, reference, np.array([0, 1, 2, 2, 1]), np.array([0, 2, 2, 1, 1]), n_classes=5)


def test_default_size_uses_largest_predicted_label(solution, reference):
    """y_pred holds the largest label (4): the default size is 5 even though y_true stops at 2."""
    check(solution, reference, np.array([0, 1, 2, 1]), np.array([0, 4, 2, 1]))


def test_default_size_uses_largest_true_label(solution, reference):
    """y_true holds the largest label (3): the default size is 4."""
    check(solution, reference, np.array([3, 0, 1, 3]), np.array([0, 0, 1, 1]))


def test_missing_label_in_between(solution, reference):
    """Labels 0 and 2 only: class 1 still gets a (zero) row and column, 3x3."""
    check(solution, reference, np.array([0, 2, 2, 0, 2]), np.array([2, 2, 0, 0, 2]))


def test_single_sample(solution, reference):
    """n = 1: one count in the right cell."""
    check(solution, reference, np.array([1]), np.array([0]))
    check(solution, reference, np.array([2]), np.array([2]), n_classes=3)


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [0, 1, 0, 1, 1, 0], [0, 1, 1, 1, 0, 0])


@pytest.mark.parametrize("seed", range(6))
def test_random_labels(solution, reference, seed):
    """Seeded random labels: several sizes and class counts, with and without n_classes."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    k = int(rng.integers(2, 8))
    y_true = rng.integers(0, k, n)
    y_pred = np.where(rng.random(n) < 0.5, y_true, rng.integers(0, k, n))
    if seed % 2:
        check(solution, reference, y_true, y_pred, n_classes=k + int(rng.integers(0, 3)))
    else:
        check(solution, reference, y_true, y_pred)


def test_inputs_are_not_modified(solution, reference):
    """The caller's label arrays are unchanged (checked by the grader on every call)."""
    check(solution, reference, np.array([2, 0, 1, 1]), np.array([2, 1, 1, 0]), n_classes=3)


def speed_case():
    rng = np.random.default_rng(0)
    n = 300_000
    return {"function": "confusion_matrix", "args": (rng.integers(0, 10, n), rng.integers(0, 10, n)),
            "kwargs": {"n_classes": 10}}
