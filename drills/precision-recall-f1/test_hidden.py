"""Hidden tests for `precision_recall_f1`. Tolerance: rtol=1e-9, atol=1e-12 (ratios of counts).

Each of the three values is compared separately, so a failure names the one that is wrong.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
NAMES = ("precision", "recall", "f1")


def check(solution, reference, y_true, y_pred):
    expected = reference.precision_recall_f1(np.copy(y_true), np.copy(y_pred))
    got = call(solution.precision_recall_f1, y_true=y_true, y_pred=y_pred)
    arr = as_array(got)
    if arr.shape != (3,):
        fail(f"expected three numbers (precision, recall, f1), got {arr.size} value(s) of shape {arr.shape}.",
             expected=expected, got=got)
    for value, exp, name in zip(arr, expected, NAMES):
        assert_close(value, exp, rtol=RTOL, atol=ATOL, scalar=True, what=name)


def test_worked_example(solution, reference):
    """The example from the task: TP=2, FP=1, FN=1 gives (2/3, 2/3, 2/3)."""
    check(solution, reference, np.array([1, 1, 0, 0, 1]), np.array([1, 0, 1, 0, 1]))


def test_precision_and_recall_differ(solution, reference):
    """TP=1, FP=1, FN=3: precision 1/2, recall 1/4, F1 1/3 (harmonic, not arithmetic, mean)."""
    check(solution, reference, np.array([1, 1, 1, 1, 0, 0]), np.array([1, 0, 0, 0, 1, 0]))


def test_true_negatives_are_not_true_positives(solution, reference):
    """Many correct 0s: they must not count as true positives."""
    check(solution, reference, np.array([0, 0, 0, 0, 0, 1, 1, 0]), np.array([0, 0, 0, 0, 0, 1, 0, 1]))


def test_single_predicted_positive(solution, reference):
    """Exactly one predicted positive, and it is right: precision 1, recall 1/3, F1 1/2."""
    check(solution, reference, np.array([1, 1, 0, 1]), np.array([1, 0, 0, 0]))


def test_perfect_predictions(solution, reference):
    """Predictions equal to the truth give (1, 1, 1)."""
    y = np.array([0, 1, 1, 0, 1])
    check(solution, reference, y, y.copy())


def test_nothing_predicted_positive(solution, reference):
    """TP + FP = 0: precision is 0.0 by convention (not nan), so recall and F1 are 0 too."""
    check(solution, reference, np.array([1, 0, 1, 0]), np.array([0, 0, 0, 0]))


def test_no_actual_positive(solution, reference):
    """TP + FN = 0: recall is 0.0 by convention (not nan); precision is 0/2 = 0; F1 is 0."""
    check(solution, reference, np.array([0, 0, 0, 0]), np.array([1, 0, 1, 0]))


def test_all_negative_everywhere(solution, reference):
    """No positive anywhere: every denominator is 0, so (0.0, 0.0, 0.0)."""
    check(solution, reference, np.array([0, 0, 0]), np.array([0, 0, 0]))


def test_no_true_positive_f1_zero_division(solution, reference):
    """TP = 0 with FP, FN > 0: precision = recall = 0, so F1 is 0/0 and must be 0.0."""
    check(solution, reference, np.array([1, 1, 0, 0]), np.array([0, 0, 1, 1]))


def test_single_sample(solution, reference):
    """n = 1: a hit (1, 1, 1) and a miss (0, 0, 0)."""
    check(solution, reference, np.array([1]), np.array([1]))
    check(solution, reference, np.array([1]), np.array([0]))


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [1, 0, 1, 1, 0, 1, 0, 1], [1, 1, 1, 0, 0, 1, 0, 0])


@pytest.mark.parametrize("seed", range(6))
def test_random_labels(solution, reference, seed):
    """Seeded random labels: several sizes and class balances."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 400))
    y_true = (rng.random(n) < rng.uniform(0.05, 0.8)).astype(int)
    y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, 2, n))
    check(solution, reference, y_true, y_pred)


def speed_case():
    rng = np.random.default_rng(0)
    n = 500_000
    return {"function": "precision_recall_f1", "args": (rng.integers(0, 2, n), rng.integers(0, 2, n))}
