"""Hidden tests for `macro_f1`. Tolerance: rtol=1e-9, atol=1e-12 (a mean of ratios of counts)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-9, 1e-12


def check(solution, reference, y_true, y_pred, **kwargs):
    expected = reference.macro_f1(np.copy(y_true), np.copy(y_pred), **kwargs)
    got = call(solution.macro_f1, y_true, y_pred, **kwargs)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True, what="macro F1")


def test_worked_example(solution, reference):
    """The example from the task: (2/3 + 1/2 + 0) / 3 = 7/18."""
    check(solution, reference, np.array([0, 0, 1, 2]), np.array([0, 1, 1, 1]))


def test_perfect_predictions(solution, reference):
    """Predictions equal to the truth give 1.0."""
    y = np.array([2, 0, 1, 1, 0, 2, 2])
    check(solution, reference, y, y.copy())


def test_rare_class_counts_as_much_as_a_big_one(solution, reference):
    """A big class predicted well and a rare class missed: macro F1 is far below accuracy and the weighted F1."""
    y_true = np.array([0] * 18 + [1] * 2)
    y_pred = np.array([0] * 18 + [0, 1])
    check(solution, reference, y_true, y_pred)


def test_not_f1_of_averaged_precision_and_recall(solution, reference):
    """Per-class F1 first, then the mean (not the F1 of macro precision and macro recall)."""
    check(solution, reference, np.array([0, 0, 0, 1, 1, 2, 2, 2, 2]), np.array([0, 1, 1, 1, 1, 2, 0, 0, 2]))


def test_n_classes_counts_absent_classes_as_zero(solution, reference):
    """n_classes=5 with labels 0..2 only: the two absent classes add F1 = 0, the sum is divided by 5."""
    check(solution, reference, np.array([0, 1, 2, 2, 1, 0]), np.array([0, 1, 2, 1, 1, 0]), n_classes=5)


def test_missing_label_in_between(solution, reference):
    """Labels 0 and 2 only (default n_classes = 3): class 1 has F1 = 0 (not nan) and still counts."""
    check(solution, reference, np.array([0, 2, 2, 0, 2]), np.array([0, 2, 0, 0, 2]))


def test_class_only_predicted(solution, reference):
    """Class 3 is predicted but never true (F1 = 0); the default size comes from y_pred."""
    check(solution, reference, np.array([0, 1, 2, 1, 0]), np.array([0, 3, 2, 1, 0]))


def test_class_never_predicted(solution, reference):
    """Class 2 is true once but never predicted: its F1 is 0."""
    check(solution, reference, np.array([0, 1, 2, 1, 0, 1]), np.array([0, 1, 1, 1, 0, 0]))


def test_binary_labels(solution, reference):
    """Two classes: the mean of the F1 of class 0 and of class 1."""
    check(solution, reference, np.array([1, 1, 0, 0, 1, 0, 0]), np.array([1, 0, 1, 0, 1, 0, 0]))


def test_single_sample(solution, reference):
    """n = 1, right (one class with F1 = 1 among n_classes) and wrong."""
    check(solution, reference, np.array([1]), np.array([1]))
    check(solution, reference, np.array([2]), np.array([0]), n_classes=4)


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [0, 1, 2, 0, 1, 2, 2], [0, 2, 2, 0, 0, 2, 1])


@pytest.mark.parametrize("seed", range(6))
def test_random_labels(solution, reference, seed):
    """Seeded random labels: several sizes, class counts and imbalances, with and without n_classes."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 400))
    k = int(rng.integers(2, 7))
    weights = rng.dirichlet(np.ones(k) * 0.7)
    y_true = rng.choice(k, size=n, p=weights)
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, k, n))
    if seed % 2:
        check(solution, reference, y_true, y_pred, n_classes=k + int(rng.integers(0, 3)))
    else:
        check(solution, reference, y_true, y_pred)


def speed_case():
    rng = np.random.default_rng(0)
    n = 300_000
    return {"function": "macro_f1", "args": (rng.integers(0, 4, n), rng.integers(0, 4, n)),
            "kwargs": {"n_classes": 4}}
