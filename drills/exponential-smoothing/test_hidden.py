"""Hidden tests for `ses`. Both fitted and level are compared with the reference with
rtol=1e-10, atol=1e-10."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-10, 1e-10


def run(solution, y, alpha, **kwargs):
    got = call(solution.ses, y, alpha, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {type(got).__name__}; return a pair (fitted, level).", got=got)
    return as_array(got[0], what="fitted was"), as_array(got[1], what="level was")


def check(solution, reference, y, alpha, **kwargs):
    exp_fitted, exp_level = reference.ses(np.copy(y), alpha, **kwargs)
    fitted, level = run(solution, y, alpha, **kwargs)
    assert_close(level, exp_level, rtol=RTOL, atol=ATOL, what="level")
    assert_close(fitted, exp_fitted, rtol=RTOL, atol=ATOL, what="fitted")
    return fitted, level


def expect_value_error(solution, y, alpha, **kwargs):
    try:
        call(solution.ses, y, alpha, **kwargs)
    except ValueError:
        return
    fail("returned a result; raise ValueError for these arguments.")


def test_worked_example(solution, reference):
    """The example from the task: ses([3, 5, 4, 6], 0.5) has levels 3, 4, 4, 5 and fitted 3, 3, 4, 4."""
    check(solution, reference, np.array([3.0, 5.0, 4.0, 6.0]), 0.5)


def test_worked_example_with_l0(solution, reference):
    """The example with l0=4: fitted[0] is l0 and the first level is 0.5·3 + 0.5·4 = 3.5."""
    check(solution, reference, np.array([3.0, 5.0, 4.0, 6.0]), 0.5, l0=4.0)


def test_l0_zero_is_a_level(solution, reference):
    """l0 = 0.0 is a real initial level (not the same as l0=None)."""
    check(solution, reference, np.array([10.0, 12.0, 11.0]), 0.3, l0=0.0)


def test_alpha_one_is_naive_forecast(solution, reference):
    """alpha = 1 is allowed: level = y and fitted[t] = y[t-1]."""
    check(solution, reference, np.array([2.0, 7.0, 1.0, 8.0, 2.0]), 1.0)


def test_small_alpha_weights_the_past(solution, reference):
    """alpha = 0.05: alpha multiplies the new observation, 1 - alpha the old level."""
    y = np.random.default_rng(1).normal(5.0, 1.0, size=40)
    check(solution, reference, y, 0.05)
    check(solution, reference, y, 0.95, l0=5.0)


def test_forecast_does_not_use_the_current_value(solution, reference):
    """fitted[t] depends on y[0..t-1] only: changing y[5] leaves fitted[0..5] unchanged."""
    y = np.random.default_rng(2).normal(size=12)
    before, _ = check(solution, reference, y, 0.4)
    y2 = y.copy()
    y2[5] += 100.0
    after, _ = check(solution, reference, y2, 0.4)
    if not np.allclose(before[:6], after[:6]):
        fail("changing y[5] changed fitted[5] (or earlier): the forecast of y[t] must be the level BEFORE y[t] "
             "is seen, fitted[t] = level[t-1].")


@pytest.mark.parametrize("seed", range(5))
def test_random_series(solution, reference, seed):
    """Seeded random walks of several lengths, alphas and initial levels."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    y = np.cumsum(rng.normal(size=n)) + rng.normal(0, 10)
    l0 = None if seed % 2 else float(rng.normal(0, 5))
    check(solution, reference, y, float(rng.uniform(0.01, 1.0)), l0=l0)


def test_single_observation(solution, reference):
    """n = 1: fitted is [l0] and level is [alpha·y0 + (1 - alpha)·l0]."""
    check(solution, reference, np.array([4.0]), 0.25)
    check(solution, reference, np.array([4.0]), 0.25, l0=2.0)


def test_constant_series(solution, reference):
    """A constant series started at its value stays there."""
    check(solution, reference, np.full(20, 7.5), 0.3)


def test_large_offset(solution, reference):
    """Values near 1e9 with unit noise: still within rtol 1e-10."""
    y = 1e9 + np.random.default_rng(3).normal(size=50)
    check(solution, reference, y, 0.2)


def test_integer_list_input(solution, reference):
    """A plain list of integers is accepted; the levels are fractional."""
    check(solution, reference, [1, 4, 2, 8, 5, 7], 0.3)


@pytest.mark.parametrize("alpha", [0.0, -0.2, 1.01, 2.0])
def test_alpha_outside_range_raises(solution, reference, alpha):
    """alpha must be in (0, 1]: 0, negative and > 1 raise ValueError."""
    expect_value_error(solution, np.array([1.0, 2.0, 3.0]), alpha)


@pytest.mark.parametrize("bad", [np.nan, np.inf], ids=["nan", "inf"])
def test_non_finite_values_raise(solution, reference, bad):
    """NaN or inf in y raises ValueError (the NaN policy of the task)."""
    expect_value_error(solution, np.array([1.0, 2.0, bad, 4.0]), 0.5)


def test_non_finite_l0_raises(solution, reference):
    """A NaN initial level raises ValueError."""
    expect_value_error(solution, np.array([1.0, 2.0]), 0.5, l0=float("nan"))


@pytest.mark.parametrize("y", [np.array([]), np.ones((3, 2))], ids=["empty", "2-D"])
def test_bad_shape_raises(solution, reference, y):
    """An empty or 2-D y raises ValueError."""
    expect_value_error(solution, y, 0.5)


def test_input_not_modified(solution, reference):
    """y is left untouched (checked by the grader on every call)."""
    check(solution, reference, np.array([5.0, 3.0, 6.0, 2.0]), 0.6, l0=1.0)
