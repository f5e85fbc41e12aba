"""Hidden tests for `adam_step` (bias-corrected Adam, t = 1 on the first step, eps after the root).

Every step compares the new parameters, m and v with the reference, array by array, with
RTOL=1e-7, ATOL=1e-15 (a handful of element-wise operations: float64 rounding only; the tiny ATOL
keeps the small second moments of the small-gradient tests meaningful); float32 inputs use
RTOL_F32=1e-5, ATOL_F32=1e-7. Multi-step tests feed the reference's state into each step, so a
failure names the first wrong step.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close_each, call, fail

RTOL, ATOL = 1e-7, 1e-15
RTOL_F32, ATOL_F32 = 1e-5, 1e-7
NAMES = ("new params", "new m", "new v")


def check(solution, reference, params, grads, m, v, t, rtol=RTOL, atol=ATOL, **hyper):
    """Run one step on both and compare; return the reference's (new_params, new_m, new_v)."""
    expected = reference.adam_step([p.copy() for p in params], [g.copy() for g in grads],
                                   [x.copy() for x in m], [x.copy() for x in v], t, **hyper)
    got = call(solution.adam_step, params, grads, m, v, t, **hyper)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, dict) or not hasattr(got, "__len__") or len(got) != 3:
        fail("expected a triple (new_params, new_m, new_v), got "
             f"{type(got).__name__ if not hasattr(got, '__len__') else f'{len(got)} item(s)'}.", got=got)
    for name, g, e in zip(NAMES, got, expected):
        assert_close_each(g, e, name, rtol, atol, f" at t={t}")
    return expected


def zeros_like(arrays):
    return [np.zeros_like(a) for a in arrays]


def test_worked_example(solution, reference):
    """The example from the task: first step (t = 1) from zero moments with the defaults."""
    check(solution, reference, [np.array([1.0, -2.0])], [np.array([0.5, -4.0])], [np.zeros(2)], [np.zeros(2)], 1)


def test_first_step_is_bias_corrected(solution, reference):
    """At t = 1 the corrected moments are g and g^2: each entry moves by about lr, whatever |g|."""
    g = np.array([1e-3, 0.2, -30.0, 5.0])
    check(solution, reference, [np.ones(4)], [g], [np.zeros(4)], [np.zeros(4)], 1, lr=0.01)


@pytest.mark.parametrize("t", [2, 3, 10, 1000])
def test_bias_correction_uses_t(solution, reference, t):
    """Mid-training state at step t: the correction divides by 1 - beta**t for this t (not t - 1 or t + 1)."""
    rng = np.random.default_rng(t)
    m, v = [rng.normal(size=5) * 0.3], [rng.uniform(0.01, 0.5, size=5)]
    check(solution, reference, [rng.normal(size=5)], [rng.normal(size=5)], m, v, t)


def test_custom_hyperparameters(solution, reference):
    """lr, beta1, beta2 and eps are used as given."""
    rng = np.random.default_rng(4)
    check(solution, reference, [rng.normal(size=(2, 3))], [rng.normal(size=(2, 3))],
          [rng.normal(size=(2, 3)) * 0.1], [rng.uniform(0.1, 1.0, size=(2, 3))], 4,
          lr=0.05, beta1=0.5, beta2=0.9, eps=1e-3)


def test_moments_use_gradient_and_squared_gradient(solution, reference):
    """m averages g (signs kept) and v averages g^2, from a non-zero state with beta1 = beta2 = 0.5."""
    check(solution, reference, [np.zeros(3)], [np.array([-2.0, 3.0, 0.5])], [np.array([1.0, -1.0, 0.0])],
          [np.array([4.0, 1.0, 0.25])], 2, lr=0.1, beta1=0.5, beta2=0.5)


def test_zero_gradient_on_zero_state_does_not_move(solution, reference):
    """A zero gradient with zero moments gives a step of 0 / eps = 0 (no nan)."""
    check(solution, reference, [np.array([1.0, -1.0, 0.5])], [np.array([0.0, 0.0, 2.0])], [np.zeros(3)],
          [np.zeros(3)], 1)


def test_small_gradients_eps_outside_the_root(solution, reference):
    """Gradients of about 1e-7 over 5 steps: sqrt(v_hat) + eps, not sqrt(v_hat + eps) nor eps on sqrt(v)."""
    rng = np.random.default_rng(5)
    params, m, v = [rng.normal(size=6)], [np.zeros(6)], [np.zeros(6)]
    for t in range(1, 6):
        params, m, v = check(solution, reference, params, [rng.normal(size=6) * 1e-7], m, v, t)


def test_parameters_of_different_shapes(solution, reference):
    """A weight matrix, a bias vector and a one-element array, with non-zero moments."""
    rng = np.random.default_rng(1)
    shapes = [(3, 2), (2,), (1,)]
    check(solution, reference, [rng.normal(size=s) for s in shapes], [rng.normal(size=s) for s in shapes],
          [rng.normal(size=s) * 0.1 for s in shapes], [rng.uniform(0, 0.2, size=s) for s in shapes], 7)


def test_many_steps_on_a_quadratic(solution, reference):
    """80 steps (t = 1..80) on 0.5 * ||p - target||^2 from zero moments, step by step."""
    rng = np.random.default_rng(7)
    target = [rng.normal(size=(4, 3)), rng.normal(size=3)]
    params = [np.zeros((4, 3)), np.zeros(3)]
    m, v = zeros_like(params), zeros_like(params)
    for t in range(1, 81):
        grads = [p - tg for p, tg in zip(params, target)]
        params, m, v = check(solution, reference, params, grads, m, v, t, lr=0.05)


@pytest.mark.parametrize("seed", range(3))
def test_random_steps(solution, reference, seed):
    """Seeded random shapes, gradient scales and hyperparameters over 20 steps from zero moments."""
    rng = np.random.default_rng(400 + seed)
    shapes = [tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 4)))) for _ in range(3)]
    params = [rng.normal(size=s) for s in shapes]
    m, v = zeros_like(params), zeros_like(params)
    hyper = {"lr": float(10.0 ** rng.uniform(-4, -1)), "beta1": float(rng.uniform(0.5, 0.95)),
             "beta2": float(rng.uniform(0.9, 0.9999))}
    scale = float(10.0 ** rng.uniform(-2, 2))
    for t in range(1, 21):
        grads = [rng.normal(size=s) * scale for s in shapes]
        params, m, v = check(solution, reference, params, grads, m, v, t, **hyper)


def test_float32_parameters(solution, reference):
    """float32 parameters, gradients and moments work (compared at float32 precision)."""
    rng = np.random.default_rng(3)
    f32 = [rng.normal(size=(5, 4)).astype(np.float32) for _ in range(3)]
    check(solution, reference, [f32[0]], [f32[1]], [f32[2] * np.float32(0.1)],
          [rng.uniform(0.1, 1, size=(5, 4)).astype(np.float32)], 3, rtol=RTOL_F32, atol=ATOL_F32)


def test_beta_zero_and_scalar_parameters(solution, reference):
    """beta1 = 0 (no momentum: m_new = g) and beta2 = 0 (v_new = g²) are allowed, 1 - 0**t = 1; 0-d (scalar)
    parameter arrays come back with shape ()."""
    params, grads = [np.array(1.5), np.array([0.5, -2.0])], [np.array(-0.3), np.array([0.2, 0.0])]
    state = [np.array(0.1), np.array([0.0, 0.4])]
    for t in (1, 3):
        check(solution, reference, params, grads, state, [np.array(0.04), np.array([0.01, 0.2])], t,
              lr=0.1, beta1=0.0, beta2=0.0)
        check(solution, reference, params, grads, state, [np.array(0.04), np.array([0.01, 0.2])], t,
              lr=0.1, beta1=0.0, beta2=0.99)
    check(solution, reference, params, grads, zeros_like(params), zeros_like(params), 1)


def test_inputs_not_modified(solution, reference):
    """params, grads, m and v are left untouched (checked on every call)."""
    check(solution, reference, [np.array([1.0, 2.0]), np.array([[3.0]])], [np.array([0.1, 0.2]), np.array([[1.0]])],
          [np.array([0.5, -0.5]), np.array([[0.2]])], [np.array([0.3, 0.1]), np.array([[2.0]])], 5)


def speed_case():
    rng = np.random.default_rng(0)
    shapes = [(400, 300), (300,), (300, 200)]
    params, grads = [rng.normal(size=s) for s in shapes], [rng.normal(size=s) for s in shapes]
    m, v = [rng.normal(size=s) * 0.1 for s in shapes], [rng.uniform(0, 1, size=s) for s in shapes]
    return {"function": "adam_step", "args": (params, grads, m, v, 10)}
