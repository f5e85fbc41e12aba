"""Hidden tests for `relu`. Exact values expected (rtol=0, atol=0): ReLU involves no rounding."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 0.0, 0.0


def check(solution, reference, x):
    expected = reference.relu(x.copy())
    got = call(solution.relu, x)
    assert_close(got, expected, rtol=RTOL, atol=ATOL)


def test_worked_example(solution, reference):
    """The example from the task: relu([-2, 0, 3]) = [0, 0, 3]."""
    check(solution, reference, np.array([-2.0, 0.0, 3.0]))


def test_all_negative(solution, reference):
    """Only negatives: everything becomes 0."""
    check(solution, reference, np.array([-5.0, -0.1, -3e9]))


def test_all_positive_unchanged(solution, reference):
    """Positive values pass through unchanged."""
    check(solution, reference, np.array([0.5, 2.0, 7e5]))


def test_matrix_keeps_shape(solution, reference):
    """A 2-D batch keeps its shape (element-wise, not a reduction)."""
    check(solution, reference, np.array([[-1.0, 2.0, -3.0], [4.0, -5.0, 6.0]]))


def test_4d_batch(solution, reference):
    """A batch of feature maps (N, C, H, W)."""
    rng = np.random.default_rng(7)
    check(solution, reference, rng.normal(size=(2, 3, 4, 5)))


def test_integer_input(solution, reference):
    """Integer arrays work too."""
    check(solution, reference, np.array([-3, -1, 0, 1, 3]))


def test_zero_dim(solution, reference):
    """A 0-d array (a scalar) gives a 0-d result."""
    check(solution, reference, np.array(-2.5))
    check(solution, reference, np.array(4.0))


def test_single_row(solution, reference):
    """Shape (1, n) stays (1, n)."""
    check(solution, reference, np.array([[-1.0, 1.0]]))


@pytest.mark.parametrize("seed", range(4))
def test_random(solution, reference, seed):
    """Seeded random arrays of several shapes."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    check(solution, reference, rng.normal(size=shape) * 10)


def test_input_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    check(solution, reference, np.array([-1.0, 2.0, -3.0]))


def speed_case():
    return {"function": "relu", "args": (np.random.default_rng(0).normal(size=300_000),)}
