"""Hidden tests for `r2_score`. Tolerance: rtol=1e-9, atol=1e-12 (an exact formula, float64 rounding only);
rtol=1e-5 for float32 inputs (a solution may compute in float32)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
RTOL_FLOAT32 = 1e-5


def check(solution, reference, y_true, y_pred, rtol=RTOL):
    expected = reference.r2_score(np.copy(y_true), np.copy(y_pred))
    got = call(solution.r2_score, y_true=y_true, y_pred=y_pred)
    assert_close(got, expected, rtol=rtol, atol=ATOL, scalar=True, what="R²")


def test_worked_example(solution, reference):
    """The example from the task: R² = 1 - 1.5 / 5 = 0.7."""
    check(solution, reference, np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.5, 2.0, 2.5, 5.0]))


def test_worse_than_the_mean_is_negative(solution, reference):
    """Reversed predictions: R² = 1 - 20 / 5 = -3 (not clipped to 0)."""
    check(solution, reference, np.array([1.0, 2.0, 3.0, 4.0]), np.array([4.0, 3.0, 2.0, 1.0]))


def test_biased_predictions(solution, reference):
    """Perfectly correlated but shifted by +3: R² is negative although the correlation is 1."""
    y = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    check(solution, reference, y, y + 3.0)


def test_mis_scaled_predictions(solution, reference):
    """Predictions 2·y: correlated perfectly, but R² < 1."""
    y = np.array([-1.0, 0.5, 2.0, 3.0])
    check(solution, reference, y, 2.0 * y)


def test_predicting_the_mean_is_zero(solution, reference):
    """Always predicting mean(y_true) gives exactly 0."""
    y = np.array([2.0, 4.0, 9.0, 1.0])
    check(solution, reference, y, np.full(4, y.mean()))


def test_perfect_prediction_is_one(solution, reference):
    """Identical inputs give 1."""
    y = np.array([3.0, -1.5, 2.0, 8.25])
    check(solution, reference, y, y.copy())


def test_constant_target_perfect_prediction(solution, reference):
    """Constant y_true predicted exactly: SS_tot = SS_res = 0, R² = 1.0 by convention (not nan)."""
    check(solution, reference, np.array([4.0, 4.0, 4.0]), np.array([4.0, 4.0, 4.0]))


def test_constant_target_imperfect_prediction(solution, reference):
    """Constant y_true, wrong predictions: SS_tot = 0, R² = 0.0 by convention (not -inf)."""
    check(solution, reference, np.array([-2.5, -2.5, -2.5, -2.5]), np.array([-2.5, -2.0, -3.0, -2.5]))


@pytest.mark.parametrize("value", [0.1, 1 / 3, 0.7, 1e8 + 0.1])
def test_inexact_constant_target(solution, reference, value):
    """Constant y_true of 0.1, 1/3, 0.7 or 1e8 + 0.1 (mean not exact in float64, computed SS_tot ~1e-33,
    not 0): still the constant-target convention, 1.0 if exact and 0.0 otherwise (not -1e30)."""
    for n in (3, 7, 10, 11):
        y = np.full(n, value)
        check(solution, reference, y, y.copy())
        check(solution, reference, y, y + np.linspace(-1.0, 1.0, n))


def test_single_sample(solution, reference):
    """n = 1: y_true is constant, so 1.0 if exact and 0.0 otherwise."""
    check(solution, reference, np.array([2.0]), np.array([2.0]))
    check(solution, reference, np.array([2.0]), np.array([7.0]))


def test_uses_n_not_n_minus_1(solution, reference):
    """A small sample, where mixing n and n - 1 (MSE over the sample variance) is visibly off."""
    check(solution, reference, np.array([1.0, 3.0, 2.0]), np.array([1.5, 2.0, 2.0]))


def test_integer_inputs(solution, reference):
    """Integer arrays give the exact result."""
    check(solution, reference, np.array([3, 1, 4, 1, 5]), np.array([2, 2, 4, 0, 6]))


def test_python_lists(solution, reference):
    """Plain lists are accepted."""
    check(solution, reference, [1.0, 2.0, 3.0, 4.0, 5.0], [1.2, 1.9, 3.4, 3.6, 5.5])


def test_float32_inputs(solution, reference):
    """float32 inputs work (tolerance rtol=1e-5)."""
    rng = np.random.default_rng(5)
    y = rng.normal(size=40)
    check(solution, reference, y.astype(np.float32), (y + 0.5 * rng.normal(size=40)).astype(np.float32),
          rtol=RTOL_FLOAT32)


@pytest.mark.parametrize("seed", range(6))
def test_random_regressions(solution, reference, seed):
    """Seeded random targets and predictions of varying quality: good, poor, worse than the mean."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    y = rng.normal(loc=rng.normal() * 10, scale=10.0 ** rng.integers(-2, 3), size=n)
    noise = rng.normal(scale=y.std() * rng.choice([0.1, 0.8, 2.0]), size=n)
    check(solution, reference, y, rng.uniform(0.5, 1.5) * y + noise + rng.normal() * y.std())


def test_returns_a_number(solution, reference):
    """The result is a single number, not an array."""
    got = call(solution.r2_score, y_true=np.array([1.0, 2.0, 4.0]), y_pred=np.array([1.0, 3.0, 3.0]))
    if np.ndim(got) != 0:
        fail(f"returned an array of shape {np.shape(got)}; return a single float.", got=got)


def speed_case():
    rng = np.random.default_rng(0)
    n = 300_000
    y = rng.normal(size=n)
    return {"function": "r2_score", "args": (y, y + rng.normal(size=n))}
