"""Hidden tests for `tanh` and `tanh_grad`. Tolerances: RTOL=1e-9, ATOL=1e-12 (float64 rounding;
the absolute part accepts both 1 - tanh² and 1/cosh² where the derivative is tiny). Float32
inputs use RTOL32=1e-5, ATOL32=1e-6 (a float32 result is accepted); the finite-difference check
uses FD_TOL=1e-6."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
RTOL32, ATOL32 = 1e-5, 1e-6
FD_STEP, FD_TOL = 1e-5, 1e-6


def check(solution, reference, name, x, rtol=RTOL, atol=ATOL):
    expected = getattr(reference, name)(x.copy())
    got = call(getattr(solution, name), x)
    assert_close(got, expected, rtol=rtol, atol=atol)


def check_both(solution, reference, x, rtol=RTOL, atol=ATOL):
    check(solution, reference, "tanh", x, rtol, atol)
    check(solution, reference, "tanh_grad", x, rtol, atol)


EXAMPLE = np.array([-1.0, 0.0, 2.0])


def test_worked_example_tanh(solution, reference):
    """The example from the task: tanh([-1, 0, 2])."""
    check(solution, reference, "tanh", EXAMPLE)


def test_worked_example_grad(solution, reference):
    """The example from the task: tanh_grad([-1, 0, 2]) = [0.42, 1, 0.0707]."""
    check(solution, reference, "tanh_grad", EXAMPLE)


def test_grad_is_one_at_zero(solution, reference):
    """The slope of tanh at 0 is exactly 1."""
    check(solution, reference, "tanh_grad", np.array([0.0]))


def test_grad_uses_the_activation_not_the_input(solution, reference):
    """For x = 0.5, 1.5, 3 the derivative is 1 - tanh(x)², not 1 - x² (which is even negative)."""
    check(solution, reference, "tanh_grad", np.array([0.5, 1.5, 3.0, -3.0]))


def test_huge_inputs_saturate(solution, reference):
    """x = ±1000: tanh is exactly ±1 and the derivative is 0, never nan or inf."""
    check_both(solution, reference, np.array([-1000.0, 1000.0]))


def test_overflow_boundary(solution, reference):
    """Around exp's overflow threshold (|x| ≈ 710) on both sides."""
    check_both(solution, reference, np.array([-800.0, -711.0, -709.0, 355.0, 356.0, 709.0, 711.0, 800.0]))


def test_saturation_region(solution, reference):
    """Moderately large |x|: the derivative becomes tiny (vanishing gradients)."""
    check_both(solution, reference, np.array([-20.0, -10.0, -5.0, 5.0, 10.0, 20.0]))


def test_small_inputs(solution, reference):
    """Tiny inputs: tanh(x) ≈ x and tanh_grad(x) ≈ 1 - x²."""
    check_both(solution, reference, np.array([-1e-9, -1e-4, 1e-6, 1e-3]))


def test_grad_matches_finite_differences(solution, reference):
    """tanh_grad(x) matches the slope (tanh(x+h) - tanh(x-h)) / 2h."""
    x = np.linspace(-4, 4, 17)
    numeric = (reference.tanh(x + FD_STEP) - reference.tanh(x - FD_STEP)) / (2 * FD_STEP)
    got = np.asarray(call(solution.tanh_grad, x), dtype=float)
    if got.shape != x.shape or not np.allclose(got, numeric, rtol=0, atol=FD_TOL):
        fail(f"the result does not match the finite-difference slope of tanh (expected "
             f"{np.round(numeric, 6)}, within {FD_TOL:g}).", expected=numeric, got=got)


def test_matrix_and_4d(solution, reference):
    """2-D and 4-D arrays keep their shape."""
    rng = np.random.default_rng(4)
    check_both(solution, reference, rng.normal(0, 3, size=(3, 5)))
    check_both(solution, reference, rng.normal(0, 3, size=(2, 2, 3, 3)))


def test_integer_input(solution, reference):
    """Integer arrays give float results."""
    check_both(solution, reference, np.array([-1000, -2, 0, 1, 3]))


def test_zero_dim(solution, reference):
    """A 0-d array gives a 0-d result."""
    check_both(solution, reference, np.array(0.75))


def test_float32_input(solution, reference):
    """Float32 inputs work (a float32 or float64 result is accepted)."""
    check_both(solution, reference, np.random.default_rng(6).normal(0, 2, size=20).astype(np.float32), RTOL32, ATOL32)


@pytest.mark.parametrize("seed", range(3))
def test_random(solution, reference, seed):
    """Seeded random inputs of several shapes and scales."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    check_both(solution, reference, rng.normal(size=shape) * [0.5, 3.0, 400.0][seed])


def test_input_not_modified(solution, reference):
    """x is left untouched by both functions (checked by the grader on every call)."""
    check_both(solution, reference, np.array([-2.0, 0.5, 4.0]))


def speed_case():
    return {"function": "tanh_grad", "args": (np.random.default_rng(0).normal(0, 3, size=50_000),)}
