"""Hidden tests for `rmse`. Tolerance: rtol=1e-9, atol=1e-12 (an exact formula, float64 rounding only);
rtol=1e-5 for float32 inputs (a solution may compute in float32)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
RTOL_FLOAT32 = 1e-5


def check(solution, reference, y_true, y_pred, rtol=RTOL):
    expected = reference.rmse(np.copy(y_true), np.copy(y_pred))
    got = call(solution.rmse, y_true=y_true, y_pred=y_pred)
    assert_close(got, expected, rtol=rtol, atol=ATOL, scalar=True, what="RMSE")


def test_worked_example(solution, reference):
    """The example from the task: sqrt(20 / 3)."""
    check(solution, reference, np.array([1.0, 2.0, 3.0]), np.array([1.0, 4.0, 7.0]))


def test_perfect_prediction_is_zero(solution, reference):
    """Identical inputs give 0."""
    y = np.array([3.0, -1.5, 2.0, 8.25])
    check(solution, reference, y, y.copy())


def test_constant_bias_counts(solution, reference):
    """Every prediction off by +2: RMSE = 2 (the standard deviation of the errors would be 0)."""
    y = np.array([1.0, 5.0, -3.0, 0.5])
    check(solution, reference, y, y + 2.0)


def test_errors_of_opposite_sign_do_not_cancel(solution, reference):
    """Errors +3 and -3: RMSE = 3, not 0."""
    check(solution, reference, np.array([0.0, 0.0]), np.array([3.0, -3.0]))


def test_single_sample(solution, reference):
    """n = 1: RMSE = |error| (no division by n - 1)."""
    check(solution, reference, np.array([2.0]), np.array([-5.0]))


def test_squares_before_rooting(solution, reference):
    """One big error among small ones: the root of the mean square, not the mean absolute error."""
    check(solution, reference, np.array([0.0, 0.0, 0.0, 0.0]), np.array([1.0, 1.0, 1.0, 9.0]))


def test_integer_inputs(solution, reference):
    """Integer arrays give the exact result."""
    check(solution, reference, np.array([1, 2, 3, 4]), np.array([2, 2, 2, 2]))


def test_unsigned_integer_inputs(solution, reference):
    """uint8 inputs: 1 - 3 is -2, not 254 (convert to float before subtracting)."""
    check(solution, reference, np.array([1, 200, 30, 10], dtype=np.uint8), np.array([3, 100, 30, 12], dtype=np.uint8))


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [1.0, 2.0, 3.0, 4.0], [1.5, 2.5, 2.0, 5.0])


def test_2d_inputs_average_over_all_elements(solution, reference):
    """A (n, k) array is averaged over every element."""
    rng = np.random.default_rng(3)
    check(solution, reference, rng.normal(size=(6, 3)), rng.normal(size=(6, 3)))


def test_float32_inputs(solution, reference):
    """float32 inputs work (tolerance rtol=1e-5)."""
    rng = np.random.default_rng(5)
    check(solution, reference, rng.normal(size=40).astype(np.float32), rng.normal(size=40).astype(np.float32),
          rtol=RTOL_FLOAT32)


@pytest.mark.parametrize("seed", range(5))
def test_random_inputs(solution, reference, seed):
    """Seeded random vectors of several sizes, scales and biases."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    scale = 10.0 ** rng.integers(-3, 4)
    y = rng.normal(size=n) * scale
    check(solution, reference, y, y + rng.normal(loc=rng.normal(), size=n) * scale)


def test_returns_a_number(solution, reference):
    """The result is a single number, not an array."""
    got = call(solution.rmse, y_true=np.array([1.0, 2.0]), y_pred=np.array([2.0, 2.0]))
    if np.ndim(got) != 0:
        fail(f"returned an array of shape {np.shape(got)}; return a single float.", got=got)


def speed_case():
    rng = np.random.default_rng(0)
    n = 300_000
    return {"function": "rmse", "args": (rng.normal(size=n), rng.normal(size=n))}
