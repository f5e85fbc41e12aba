"""Hidden tests for `mse`. Tolerance: rtol=1e-9, atol=1e-12 (an exact formula, float64 rounding only)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12


def check(solution, reference, y_true, y_pred):
    expected = reference.mse(np.copy(y_true), np.copy(y_pred))
    got = call(solution.mse, y_true=y_true, y_pred=y_pred)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True)
    return got


def test_worked_example(solution, reference):
    """The example from the task: mse([1, 2], [1, 4]) = 2."""
    check(solution, reference, np.array([1.0, 2.0]), np.array([1.0, 4.0]))


def test_perfect_prediction_is_zero(solution, reference):
    """Identical inputs give 0."""
    y = np.array([3.0, -1.5, 2.0])
    check(solution, reference, y, y.copy())


def test_errors_of_opposite_sign_do_not_cancel(solution, reference):
    """Over- and under-predictions both count (square, then average)."""
    check(solution, reference, np.array([0.0, 0.0]), np.array([3.0, -3.0]))


def test_single_sample(solution, reference):
    """n = 1 (no division by n - 1)."""
    check(solution, reference, np.array([2.0]), np.array([5.0]))


def test_integer_inputs_are_not_truncated(solution, reference):
    """Integer arrays must give the exact fractional mean."""
    check(solution, reference, np.array([1, 2, 3]), np.array([2, 2, 2]))


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [1.0, 2.0, 3.0, 4.0], [1.5, 2.5, 2.0, 5.0])


def test_2d_inputs_average_over_all_elements(solution, reference):
    """A (n, k) array is averaged over every element."""
    rng = np.random.default_rng(3)
    check(solution, reference, rng.normal(size=(5, 3)), rng.normal(size=(5, 3)))


@pytest.mark.parametrize("seed", range(6))
def test_random_inputs(solution, reference, seed):
    """Seeded random vectors of several sizes and scales."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 200))
    scale = 10.0 ** rng.integers(-3, 4)
    check(solution, reference, rng.normal(size=n) * scale, rng.normal(size=n) * scale)


def test_large_values(solution, reference):
    """Large magnitudes stay accurate in float64."""
    check(solution, reference, np.array([1e8, -2e8]), np.array([1e8 + 3, -2e8 - 1]))


def test_returns_a_number(solution, reference):
    """The result is a single number, not an array."""
    got = call(solution.mse, y_true=np.array([1.0, 2.0]), y_pred=np.array([2.0, 2.0]))
    if np.ndim(got) != 0:
        fail(f"returned an array of shape {np.shape(got)}; return a single float.", got=got)


def test_inputs_are_not_modified(solution, reference):
    """The caller's arrays are unchanged (checked by the grader on every call)."""
    y_true, y_pred = np.array([1.0, 2.0, 3.0]), np.array([0.0, 2.0, 5.0])
    check(solution, reference, y_true, y_pred)


def speed_case():
    rng = np.random.default_rng(0)
    n = 200_000
    return {"function": "mse", "args": (rng.normal(size=n), rng.normal(size=n))}
