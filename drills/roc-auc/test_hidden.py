"""Hidden tests for `roc_curve` and `roc_auc`. Tolerance: rtol=1e-9, atol=1e-12 (ratios of counts).

The curve is graded point by point against the reference (fpr, tpr and thresholds, with np.inf
first). The AUC is graded against the pairwise definition computed here, independently of any
curve: P(score of a random positive > score of a random negative), a tie counting 1/2.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail, short_repr

RTOL, ATOL = 1e-9, 1e-12


def pairwise_auc(y_true, scores):
    """AUC by its definition: compare every positive with every negative (O(P·N), small inputs)."""
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    diff = scores[y_true == 1][:, None] - scores[y_true == 0][None, :]
    return (np.sum(diff > 0) + 0.5 * np.sum(diff == 0)) / diff.size


def check_curve(solution, reference, y_true, scores):
    expected = reference.roc_curve(np.copy(y_true), np.copy(scores))
    got = call(solution.roc_curve, y_true, scores)
    parts = list(got) if isinstance(got, (tuple, list, np.ndarray)) and np.ndim(got) > 0 else None
    if parts is None or len(parts) != 3:
        fail("expected a tuple of three arrays (fpr, tpr, thresholds), got "
             f"{short_repr(got) if got is not None else 'None'}.", got=got)
    for value, exp, name in zip(parts, expected, ("fpr", "tpr", "thresholds")):
        assert_close(as_array(value, what=f"{name}: it returned"), exp, rtol=RTOL, atol=ATOL, what=name)


def check_auc(solution, y_true, scores):
    expected = pairwise_auc(np.copy(y_true), np.copy(scores))
    got = call(solution.roc_auc, y_true, scores)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True, what="AUC")


EXAMPLE = (np.array([1, 0, 1, 0]), np.array([0.9, 0.8, 0.8, 0.1]))


def test_worked_example_curve(solution, reference):
    """The example from the task: one point per distinct score, (0, 0) with threshold inf first."""
    check_curve(solution, reference, *EXAMPLE)


def test_worked_example_auc(solution, reference):
    """The example from the task: AUC = 0.875 (one tied positive-negative pair counts 1/2)."""
    check_auc(solution, *EXAMPLE)


def test_perfect_ranking(solution, reference):
    """Every positive above every negative: the curve goes straight up, then right; AUC = 1."""
    y, s = np.array([0, 1, 0, 1, 1, 0]), np.array([0.1, 0.8, 0.3, 0.95, 0.7, 0.2])
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def test_reversed_ranking(solution, reference):
    """Every negative above every positive: AUC = 0 (not 1: the scores are not to be flipped)."""
    y, s = np.array([1, 1, 0, 0, 0]), np.array([0.1, 0.2, 0.5, 0.7, 0.9])
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def test_all_scores_tied(solution, reference):
    """A single distinct score: the curve is (0,0) -> (1,1), one diagonal segment, and AUC = 0.5."""
    y, s = np.array([1, 0, 0, 1, 0]), np.full(5, 0.4)
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def test_ties_between_positives_and_negatives(solution, reference):
    """Groups of tied scores mixing both classes: one point per group, tied pairs count 1/2."""
    y = np.array([0, 1, 1, 0, 1, 0, 0, 1, 0, 1])
    s = np.array([0.5, 0.5, 0.9, 0.9, 0.2, 0.2, 0.2, 0.7, 0.1, 0.5])
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def test_ties_within_one_class(solution, reference):
    """Ties among positives only still merge into one point."""
    y, s = np.array([1, 1, 1, 0, 0]), np.array([0.6, 0.6, 0.6, 0.3, 0.5])
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def test_integer_scores_with_many_ties(solution, reference):
    """Integer scores (e.g. votes), most of them tied."""
    rng = np.random.default_rng(8)
    y = rng.integers(0, 2, 40)
    y[:2] = [0, 1]
    s = rng.integers(0, 4, 40) + y
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def test_logit_scores_can_be_negative(solution, reference):
    """Scores are not probabilities: negative and large values work the same way."""
    y, s = np.array([1, 0, 1, 0, 1, 0]), np.array([3.5, -2.0, -0.5, 0.25, 12.0, -7.5])
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def test_single_positive_single_negative(solution, reference):
    """n = 2, one of each class, in both orders."""
    check_curve(solution, reference, np.array([0, 1]), np.array([0.2, 0.7]))
    check_auc(solution, np.array([0, 1]), np.array([0.2, 0.7]))
    check_auc(solution, np.array([1, 0]), np.array([0.2, 0.7]))


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    y, s = [1, 0, 0, 1, 1, 0, 1], [0.8, 0.4, 0.6, 0.6, 0.3, 0.1, 0.9]
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


@pytest.mark.parametrize("seed", range(6))
def test_random_scores(solution, reference, seed):
    """Seeded random scores (distinct, or rounded to create ties), several sizes and class balances."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 300))
    y = (rng.random(n) < rng.uniform(0.1, 0.7)).astype(int)
    y[:2] = [0, 1]
    s = rng.normal(size=n) + rng.uniform(0, 2) * y
    if seed % 2:
        s = np.round(s, 1)
    check_curve(solution, reference, y, s)
    check_auc(solution, y, s)


def speed_case():
    rng = np.random.default_rng(0)
    n = 15_000
    y = rng.integers(0, 2, n)
    return {"function": "roc_curve", "args": (y, rng.normal(size=n) + y)}
