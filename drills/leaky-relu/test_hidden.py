"""Hidden tests for `leaky_relu` and `leaky_relu_grad`. Tolerances: RTOL=1e-12, ATOL=1e-15 (one
multiplication, float64 rounding only); float32 inputs use RTOL32=1e-6 (a float32 result is accepted)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-12, 1e-15
RTOL32 = 1e-6


def check(solution, reference, name, x, alpha=None, rtol=RTOL):
    kwargs = {} if alpha is None else {"alpha": alpha}
    expected = getattr(reference, name)(x.copy(), **kwargs)
    got = call(getattr(solution, name), x, **kwargs)
    assert_close(got, expected, rtol=rtol, atol=ATOL)


def check_both(solution, reference, x, alpha=None, rtol=RTOL):
    check(solution, reference, "leaky_relu", x, alpha, rtol)
    check(solution, reference, "leaky_relu_grad", x, alpha, rtol)


EXAMPLE = np.array([-2.0, 0.0, 3.0])


def test_worked_example(solution, reference):
    """The example from the task: leaky_relu([-2, 0, 3]) = [-0.02, 0, 3]."""
    check(solution, reference, "leaky_relu", EXAMPLE)


def test_worked_example_grad(solution, reference):
    """The example from the task: leaky_relu_grad([-2, 0, 3]) = [0.01, 0.01, 1]."""
    check(solution, reference, "leaky_relu_grad", EXAMPLE)


def test_worked_example_alpha(solution, reference):
    """The example from the task with alpha=0.2: [-0.4, 0, 3]."""
    check(solution, reference, "leaky_relu", EXAMPLE, alpha=0.2)


def test_grad_at_exactly_zero_is_alpha(solution, reference):
    """At the kink x = 0 the slope is alpha, for the default and a custom alpha."""
    check(solution, reference, "leaky_relu_grad", np.array([0.0, 0.0]))
    check(solution, reference, "leaky_relu_grad", np.array([[0.0], [1.0], [-1.0]]), alpha=0.1)


def test_grad_between_zero_and_one(solution, reference):
    """Small positive inputs (0 < x < 1) have slope 1, small negative ones slope alpha."""
    check(solution, reference, "leaky_relu_grad", np.array([0.001, 0.5, 0.999, -0.5, -1e-9]), alpha=0.05)


@pytest.mark.parametrize("alpha", [0.0, 0.1, 0.3, 0.75])
def test_custom_alpha(solution, reference, alpha):
    """The alpha argument is used by both functions (alpha = 0 is the plain ReLU)."""
    check_both(solution, reference, np.array([-10.0, -0.5, 0.0, 0.25, 4.0]), alpha=alpha)


def test_matrix_and_4d(solution, reference):
    """2-D and 4-D arrays keep their shape."""
    rng = np.random.default_rng(8)
    check_both(solution, reference, rng.normal(size=(4, 3)))
    check_both(solution, reference, rng.normal(size=(2, 3, 2, 4)), alpha=0.2)


def test_integer_input(solution, reference):
    """Integer arrays give float results: leaky_relu([-3]) = [-0.03], not [0]."""
    check_both(solution, reference, np.array([-300, -3, 0, 2, 7]))


def test_zero_dim(solution, reference):
    """A 0-d array gives a 0-d result."""
    check_both(solution, reference, np.array(-4.0))
    check_both(solution, reference, np.array(2.5), alpha=0.3)


def test_float32_input(solution, reference):
    """Float32 inputs work (a float32 or float64 result is accepted)."""
    check_both(solution, reference, np.random.default_rng(1).normal(size=(5, 4)).astype(np.float32), rtol=RTOL32)


@pytest.mark.parametrize("seed", range(3))
def test_random(solution, reference, seed):
    """Seeded random inputs of several shapes with a random alpha."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    check_both(solution, reference, rng.normal(size=shape) * 10, alpha=float(rng.uniform(0.0, 0.5)))


def test_input_not_modified(solution, reference):
    """x is left untouched by both functions (checked by the grader on every call)."""
    check_both(solution, reference, np.array([-2.0, -1.0, 0.0, 1.0]))


def speed_case():
    return {"function": "leaky_relu", "args": (np.random.default_rng(0).normal(size=50_000),),
            "kwargs": {"alpha": 0.1}}
