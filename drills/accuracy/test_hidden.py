"""Hidden tests for `accuracy`. Tolerance: rtol=1e-9, atol=1e-12 (a ratio of two counts, float64 rounding only)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12


def check(solution, reference, y_true, y_pred):
    expected = reference.accuracy(np.copy(y_true), np.copy(y_pred))
    got = call(solution.accuracy, y_true=y_true, y_pred=y_pred)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True, what="accuracy")


def test_worked_example(solution, reference):
    """The example from the task: accuracy([0, 1, 2, 2], [0, 2, 2, 2]) = 0.75."""
    check(solution, reference, np.array([0, 1, 2, 2]), np.array([0, 2, 2, 2]))


def test_all_correct_is_one(solution, reference):
    """Identical labels give 1.0 (a fraction, not a percentage)."""
    y = np.array([1, 0, 1, 1, 0])
    check(solution, reference, y, y.copy())


def test_all_wrong_is_zero(solution, reference):
    """No match at all gives 0.0."""
    check(solution, reference, np.array([0, 0, 1]), np.array([1, 1, 0]))


def test_fraction_is_not_truncated(solution, reference):
    """1 correct out of 3 is 0.333..., not 0 (no integer division)."""
    check(solution, reference, np.array([2, 0, 1]), np.array([2, 1, 0]))


def test_single_sample(solution, reference):
    """n = 1, right and wrong."""
    check(solution, reference, np.array([4]), np.array([4]))
    check(solution, reference, np.array([4]), np.array([3]))


def test_multiclass_labels_are_compared_not_thresholded(solution, reference):
    """Labels 0, 3 and 7 are classes: predicting 7 for a true 3 is wrong."""
    check(solution, reference, np.array([0, 3, 7, 3, 7, 0]), np.array([0, 7, 7, 3, 3, 0]))


def test_labels_minus_one_and_one(solution, reference):
    """Labels -1 / +1 (as in SVMs) are compared for equality."""
    check(solution, reference, np.array([-1, 1, 1, -1, 1]), np.array([-1, -1, 1, 1, 1]))


def test_string_labels(solution, reference):
    """String class names work too."""
    check(solution, reference, np.array(["cat", "dog", "dog", "bird"]), np.array(["cat", "cat", "dog", "bird"]))


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [1, 0, 1, 1, 0, 1, 0, 0], [1, 0, 0, 1, 0, 1, 1, 0])


@pytest.mark.parametrize("seed", range(5))
def test_random_labels(solution, reference, seed):
    """Seeded random labels: several sizes and numbers of classes."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 300))
    k = int(rng.integers(2, 6))
    y_true = rng.integers(0, k, n)
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, k, n))
    check(solution, reference, y_true, y_pred)


def test_returns_a_number(solution, reference):
    """The result is a single number, not an array of matches."""
    got = call(solution.accuracy, y_true=np.array([1, 2, 3]), y_pred=np.array([1, 2, 0]))
    if np.ndim(got) != 0:
        fail(f"returned an array of shape {np.shape(got)}; return a single float.", got=got)


def speed_case():
    rng = np.random.default_rng(0)
    n = 500_000
    return {"function": "accuracy", "args": (rng.integers(0, 3, n), rng.integers(0, 3, n))}
