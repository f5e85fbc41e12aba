"""Hidden tests for `rmsprop_step` (s = beta * s + (1 - beta) * g**2; p = p - lr * g / (sqrt(s) + eps)).

Every step compares the new parameters and the new averages with the reference, array by array,
with RTOL=1e-7, ATOL=1e-14 (a few element-wise operations: float64 rounding only; the small ATOL
keeps tiny squared gradients meaningful); float32 inputs use RTOL_F32=1e-5, ATOL_F32=1e-7.
Multi-step tests feed the reference's state into each step, so a failure names the first wrong step.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close_each, call, fail

RTOL, ATOL = 1e-7, 1e-14
RTOL_F32, ATOL_F32 = 1e-5, 1e-7


def check(solution, reference, params, grads, sq_avgs, step=None, rtol=RTOL, atol=ATOL, **hyper):
    """Run one step on both and compare; return the reference's (new_params, new_sq_avgs)."""
    expected = reference.rmsprop_step([p.copy() for p in params], [g.copy() for g in grads],
                                      [s.copy() for s in sq_avgs], **hyper)
    got = call(solution.rmsprop_step, params, grads, sq_avgs, **hyper)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, dict) or not hasattr(got, "__len__") or len(got) != 2:
        fail("expected a pair (new_params, new_sq_avgs), got "
             f"{type(got).__name__ if not hasattr(got, '__len__') else f'{len(got)} item(s)'}.", got=got)
    when = f" after step {step}" if step else ""
    assert_close_each(got[1], expected[1], "new sq_avgs", rtol, atol, when)
    assert_close_each(got[0], expected[0], "new params", rtol, atol, when)
    return expected


def test_worked_example(solution, reference):
    """The example from the task: lr = 0.1, a zero gradient entry stays put."""
    check(solution, reference, [np.array([1.0, 2.0])], [np.array([2.0, 0.0])], [np.zeros(2)],
          lr=0.1, beta=0.9, eps=1e-8)


def test_default_hyperparameters(solution, reference):
    """Called without lr, beta and eps: the defaults 0.001, 0.9 and 1e-8 apply."""
    check(solution, reference, [np.array([1.0, -2.0])], [np.array([3.0, -1.0])], [np.array([2.0, 0.5])])


@pytest.mark.parametrize("lr,beta", [(0.1, 0.5), (0.01, 0.99), (0.003, 0.0)])
def test_uses_lr_and_beta(solution, reference, lr, beta):
    """lr and beta are used as given, with a non-zero starting average."""
    check(solution, reference, [np.array([0.3, -0.7, 1.1])], [np.array([1.0, 2.0, -3.0])],
          [np.array([0.4, 0.1, 2.5])], lr=lr, beta=beta, eps=1e-8)


def test_zero_gradient_and_zero_average_do_not_move(solution, reference):
    """A gradient of 0 on a zero average gives a step of 0 / eps = 0 (no nan)."""
    check(solution, reference, [np.array([1.0, -1.0, 0.5])], [np.array([0.0, 0.0, 1.0])], [np.zeros(3)],
          lr=0.01, beta=0.9, eps=1e-8)


def test_eps_outside_the_square_root(solution, reference):
    """Tiny gradients (1e-5): sqrt(s) + eps and sqrt(s + eps) differ a lot; eps goes outside."""
    rng = np.random.default_rng(5)
    check(solution, reference, [rng.normal(size=6)], [rng.normal(size=6) * 1e-5], [np.zeros(6)],
          lr=0.01, beta=0.9, eps=1e-8)


def test_large_eps(solution, reference):
    """With eps = 0.1 the denominator is sqrt(s) + 0.1."""
    check(solution, reference, [np.array([0.0, 1.0, 2.0])], [np.array([0.2, -0.05, 1.0])],
          [np.array([0.01, 0.0, 0.3])], lr=0.1, beta=0.9, eps=0.1)


def test_parameters_of_different_shapes(solution, reference):
    """A weight matrix, a bias vector and a one-element array, with non-zero averages."""
    rng = np.random.default_rng(1)
    shapes = [(3, 2), (2,), (1,)]
    check(solution, reference, [rng.normal(size=s) for s in shapes], [rng.normal(size=s) for s in shapes],
          [rng.uniform(0, 2, size=s) for s in shapes], lr=0.05, beta=0.8, eps=1e-8)


def test_many_steps_on_a_quadratic(solution, reference):
    """60 steps on 0.5 * ||p - target||^2 from zero averages, step by step."""
    rng = np.random.default_rng(7)
    target = [rng.normal(size=(4, 3)), rng.normal(size=3)]
    params, sq_avgs = [np.zeros((4, 3)), np.zeros(3)], [np.zeros((4, 3)), np.zeros(3)]
    for step in range(1, 61):
        grads = [p - t for p, t in zip(params, target)]
        params, sq_avgs = check(solution, reference, params, grads, sq_avgs, step=step, lr=0.01, beta=0.9, eps=1e-8)


@pytest.mark.parametrize("seed", range(3))
def test_random_steps(solution, reference, seed):
    """Seeded random shapes, gradient scales and hyperparameters over 15 steps."""
    rng = np.random.default_rng(300 + seed)
    shapes = [tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4)))) for _ in range(3)]
    params, sq_avgs = [rng.normal(size=s) for s in shapes], [np.zeros(s) for s in shapes]
    lr, beta = float(10.0 ** rng.uniform(-3, -1)), float(rng.uniform(0.5, 0.999))
    scale = float(10.0 ** rng.uniform(-3, 2))
    for step in range(1, 16):
        grads = [rng.normal(size=s) * scale for s in shapes]
        params, sq_avgs = check(solution, reference, params, grads, sq_avgs, step=step, lr=lr, beta=beta, eps=1e-8)


def test_beta_zero_and_scalar_parameters(solution, reference):
    """beta = 0 (the average is just this step's g²: a sign-like step) is allowed; 0-d (scalar) parameter
    arrays come back with shape ()."""
    params, grads = [np.array(1.5), np.array([0.5, -2.0])], [np.array(-0.3), np.array([0.2, 0.0])]
    check(solution, reference, params, grads, [np.array(0.04), np.array([0.01, 0.2])], lr=0.1, beta=0.0, eps=1e-8)
    check(solution, reference, params, grads, [np.array(0.04), np.array([0.01, 0.2])], lr=0.1, beta=0.5, eps=1e-8)


def test_float32_parameters(solution, reference):
    """float32 parameters, gradients and averages work (compared at float32 precision)."""
    rng = np.random.default_rng(3)
    params, grads = [rng.normal(size=(5, 4)).astype(np.float32)], [rng.normal(size=(5, 4)).astype(np.float32)]
    check(solution, reference, params, grads, [rng.uniform(0, 1, size=(5, 4)).astype(np.float32)],
          rtol=RTOL_F32, atol=ATOL_F32, lr=0.01, beta=0.9, eps=1e-8)


def test_inputs_not_modified(solution, reference):
    """params, grads and sq_avgs are left untouched (checked on every call)."""
    check(solution, reference, [np.array([1.0, 2.0]), np.array([[3.0]])], [np.array([0.1, 0.2]), np.array([[1.0]])],
          [np.array([0.5, 0.0]), np.array([[2.0]])], lr=0.1, beta=0.9, eps=1e-8)


def speed_case():
    rng = np.random.default_rng(0)
    shapes = [(400, 300), (300,), (300, 200)]
    params, grads = [rng.normal(size=s) for s in shapes], [rng.normal(size=s) for s in shapes]
    sq_avgs = [rng.uniform(0, 1, size=s) for s in shapes]
    return {"function": "rmsprop_step", "args": (params, grads, sq_avgs), "kwargs": {"lr": 0.001}}
