"""Hidden tests for `momentum_step` (convention: v = beta * v + g; p = p - lr * v).

Every step compares the new parameters and the new velocities with the reference, array by
array, with RTOL=1e-7, ATOL=1e-12 (a few multiply-adds per entry: float64 rounding only); float32
inputs are compared with RTOL_F32=1e-6, ATOL_F32=1e-7. Multi-step tests feed the reference's
parameters and velocities into each step, so a failure names the first wrong step.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close_each, call, fail

RTOL, ATOL = 1e-7, 1e-12
RTOL_F32, ATOL_F32 = 1e-6, 1e-7


def check(solution, reference, params, grads, velocities, step=None, rtol=RTOL, atol=ATOL, **hyper):
    """Run one step on both and compare; return the reference's (new_params, new_velocities)."""
    expected = reference.momentum_step([p.copy() for p in params], [g.copy() for g in grads],
                                       [v.copy() for v in velocities], **hyper)
    got = call(solution.momentum_step, params, grads, velocities, **hyper)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, dict) or not hasattr(got, "__len__") or len(got) != 2:
        fail("expected a pair (new_params, new_velocities), got "
             f"{type(got).__name__ if not hasattr(got, '__len__') else f'{len(got)} item(s)'}.", got=got)
    when = f" after step {step}" if step else ""
    assert_close_each(got[0], expected[0], "new params", rtol, atol, when)
    assert_close_each(got[1], expected[1], "new velocities", rtol, atol, when)
    return expected


def test_worked_example(solution, reference):
    """The example from the task: lr = 0.1, beta = 0.9, a non-zero starting velocity."""
    check(solution, reference, [np.array([1.0, -1.0])], [np.array([0.5, 2.0])], [np.array([1.0, 0.0])],
          lr=0.1, beta=0.9)


def test_first_step_from_zero_velocity(solution, reference):
    """From a zero velocity the first step is v = g and p = p - lr * g."""
    check(solution, reference, [np.array([2.0, 3.0, -4.0])], [np.array([1.0, -2.0, 0.5])], [np.zeros(3)],
          lr=0.1, beta=0.9)


def test_default_hyperparameters(solution, reference):
    """Called without lr and beta: the defaults lr = 0.01 and beta = 0.9 apply."""
    check(solution, reference, [np.array([1.0, 2.0])], [np.array([3.0, -1.0])], [np.array([2.0, -5.0])])


def test_beta_zero_is_gradient_descent(solution, reference):
    """beta = 0 forgets the old velocity: the step is plain gradient descent."""
    check(solution, reference, [np.array([1.0, 1.0])], [np.array([0.5, -0.5])], [np.array([10.0, -10.0])],
          lr=0.2, beta=0.0)


@pytest.mark.parametrize("lr,beta", [(0.5, 0.5), (0.01, 0.99), (1.0, 0.0), (0.003, 0.9)])
def test_uses_lr_and_beta(solution, reference, lr, beta):
    """Both hyperparameters are used as given."""
    check(solution, reference, [np.array([0.3, -0.7, 1.1])], [np.array([1.0, 2.0, -3.0])],
          [np.array([-0.4, 0.8, 0.2])], lr=lr, beta=beta)


def test_parameters_of_different_shapes(solution, reference):
    """A weight matrix, a bias vector and a one-element array, with non-zero velocities."""
    rng = np.random.default_rng(1)
    shapes = [(3, 2), (2,), (1,)]
    check(solution, reference, [rng.normal(size=s) for s in shapes], [rng.normal(size=s) for s in shapes],
          [rng.normal(size=s) for s in shapes], lr=0.05, beta=0.8)


def test_constant_gradient_builds_up_speed(solution, reference):
    """40 steps with the same gradient: the velocity grows towards g / (1 - beta), step by step."""
    params, velocities = [np.array([0.0, 5.0])], [np.zeros(2)]
    for step in range(1, 41):
        params, velocities = check(solution, reference, params, [np.array([1.0, -0.5])], velocities,
                                   step=step, lr=0.1, beta=0.9)


def test_many_steps_on_a_quadratic(solution, reference):
    """60 steps on 0.5 * ||p - target||^2 from zero velocities, step by step."""
    rng = np.random.default_rng(7)
    target = [rng.normal(size=(4, 3)), rng.normal(size=3)]
    params, velocities = [np.zeros((4, 3)), np.zeros(3)], [np.zeros((4, 3)), np.zeros(3)]
    for step in range(1, 61):
        grads = [p - t for p, t in zip(params, target)]
        params, velocities = check(solution, reference, params, grads, velocities, step=step, lr=0.05, beta=0.9)


@pytest.mark.parametrize("seed", range(3))
def test_random_steps(solution, reference, seed):
    """Seeded random shapes, stochastic gradients and hyperparameters over 15 steps."""
    rng = np.random.default_rng(200 + seed)
    shapes = [tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4)))) for _ in range(3)]
    params, velocities = [rng.normal(size=s) for s in shapes], [np.zeros(s) for s in shapes]
    lr, beta = float(10.0 ** rng.uniform(-3, -0.5)), float(rng.uniform(0.5, 0.99))
    for step in range(1, 16):
        grads = [rng.normal(size=s) * 3 for s in shapes]
        params, velocities = check(solution, reference, params, grads, velocities, step=step, lr=lr, beta=beta)


def test_float32_parameters(solution, reference):
    """float32 parameters, gradients and velocities work (compared at float32 precision)."""
    rng = np.random.default_rng(3)
    arrays = [[rng.normal(size=(5, 4)).astype(np.float32)] for _ in range(3)]
    check(solution, reference, *arrays, rtol=RTOL_F32, atol=ATOL_F32, lr=0.01, beta=0.9)


def test_inputs_not_modified(solution, reference):
    """params, grads and velocities are left untouched (checked on every call)."""
    check(solution, reference, [np.array([1.0, 2.0]), np.array([[3.0]])], [np.array([0.1, 0.2]), np.array([[1.0]])],
          [np.array([0.5, -0.5]), np.array([[2.0]])], lr=0.1, beta=0.9)


def speed_case():
    rng = np.random.default_rng(0)
    shapes = [(400, 300), (300,), (300, 200)]
    arrays = [[rng.normal(size=s) for s in shapes] for _ in range(3)]
    return {"function": "momentum_step", "args": tuple(arrays), "kwargs": {"lr": 0.01, "beta": 0.9}}
