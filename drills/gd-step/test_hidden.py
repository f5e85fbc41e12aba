"""Hidden tests for `gd_step`.

Every step is checked array by array against the reference with RTOL=1e-7, ATOL=1e-12 (one
multiply-subtract per entry: float64 rounding only); float32 parameters are compared with
RTOL_F32=1e-6, ATOL_F32=1e-7 (float32 or float64 arithmetic both pass). Multi-step tests feed the
reference's parameters into each step, so a failure names the first wrong step.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close_each, call

RTOL, ATOL = 1e-7, 1e-12
RTOL_F32, ATOL_F32 = 1e-6, 1e-7


def check(solution, reference, params, grads, lr, rtol=RTOL, atol=ATOL, step=None):
    expected = reference.gd_step([p.copy() for p in params], [g.copy() for g in grads], lr)
    got = call(solution.gd_step, params, grads, lr)
    assert_close_each(got, expected, "new params", rtol, atol, f" after step {step}" if step else "")
    return expected


def test_worked_example(solution, reference):
    """The example from the task: two parameters, lr = 0.1."""
    check(solution, reference, [np.array([1.0, 2.0]), np.array([0.5])],
          [np.array([0.5, -1.0]), np.array([2.0])], 0.1)


@pytest.mark.parametrize("lr", [1.0, 0.25, 1e-3])
def test_uses_learning_rate(solution, reference, lr):
    """The step is scaled by lr (not a fixed or missing learning rate)."""
    check(solution, reference, [np.array([3.0, -1.0, 0.5])], [np.array([2.0, 4.0, -6.0])], lr)


def test_moves_against_the_gradient(solution, reference):
    """A positive gradient decreases the parameter, a negative one increases it."""
    check(solution, reference, [np.array([0.0, 0.0])], [np.array([1.0, -1.0])], 0.5)


def test_elementwise_not_averaged(solution, reference):
    """Each entry moves by its own gradient entry (no mean or sum over the array)."""
    check(solution, reference, [np.array([[1.0, 1.0], [1.0, 1.0]])], [np.array([[1.0, 2.0], [3.0, -4.0]])], 0.1)


def test_parameters_of_different_shapes(solution, reference):
    """A weight matrix, a bias vector and a one-element array: shapes and order are kept."""
    rng = np.random.default_rng(1)
    params = [rng.normal(size=(3, 2)), rng.normal(size=2), np.array([0.7])]
    grads = [rng.normal(size=(3, 2)), rng.normal(size=2), np.array([-0.3])]
    check(solution, reference, params, grads, 0.05)


def test_zero_gradient_keeps_params(solution, reference):
    """A zero gradient leaves the parameters unchanged."""
    check(solution, reference, [np.array([1.5, -2.5]), np.ones((2, 2))], [np.zeros(2), np.zeros((2, 2))], 0.3)


def test_many_steps_on_a_quadratic(solution, reference):
    """60 steps of descent on 0.5 * ||p - target||^2 with the gradient p - target, step by step."""
    rng = np.random.default_rng(7)
    target = [rng.normal(size=(4, 3)), rng.normal(size=3)]
    params = [np.zeros((4, 3)), np.zeros(3)]
    for step in range(1, 61):
        grads = [p - t for p, t in zip(params, target)]
        params = check(solution, reference, params, grads, 0.1, step=step)


@pytest.mark.parametrize("seed", range(4))
def test_random_steps(solution, reference, seed):
    """Seeded random parameters, stochastic gradients and learning rates over 20 steps."""
    rng = np.random.default_rng(100 + seed)
    shapes = [tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4)))) for _ in range(3)]
    params = [rng.normal(size=s) for s in shapes]
    lr = float(10.0 ** rng.uniform(-3, 0))
    for step in range(1, 21):
        grads = [rng.normal(size=s) * 5 for s in shapes]
        params = check(solution, reference, params, grads, lr, step=step)


def test_float32_parameters(solution, reference):
    """float32 parameters and gradients work (compared at float32 precision)."""
    rng = np.random.default_rng(3)
    params = [rng.normal(size=(5, 4)).astype(np.float32), rng.normal(size=4).astype(np.float32)]
    grads = [rng.normal(size=(5, 4)).astype(np.float32), rng.normal(size=4).astype(np.float32)]
    check(solution, reference, params, grads, 0.01, rtol=RTOL_F32, atol=ATOL_F32)


def test_inputs_not_modified(solution, reference):
    """params and grads are left untouched: the step returns new arrays (checked on every call)."""
    check(solution, reference, [np.array([1.0, 2.0, 3.0]), np.array([[4.0]])],
          [np.array([0.1, 0.2, 0.3]), np.array([[1.0]])], 0.5)


def speed_case():
    rng = np.random.default_rng(0)
    shapes = [(400, 300), (300,), (300, 200)]
    params = [rng.normal(size=s) for s in shapes]
    grads = [rng.normal(size=s) for s in shapes]
    return {"function": "gd_step", "args": (params, grads, 0.01)}
