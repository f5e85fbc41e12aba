"""Hidden tests for `acf`. Compared with the reference with rtol=1e-9, atol=1e-10."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-10


def check(solution, reference, x, nlags):
    expected = reference.acf(np.copy(x), nlags)
    got = call(solution.acf, x, nlags)
    assert_close(got, expected, rtol=RTOL, atol=ATOL)
    return np.asarray(got, dtype=float)


def expect_value_error(solution, x, nlags):
    try:
        call(solution.acf, x, nlags)
    except ValueError:
        return
    fail("returned a result; raise ValueError for these arguments.")


def ar1(seed, n, phi, offset=0.0):
    rng = np.random.default_rng(seed)
    e = rng.normal(size=n)
    x = np.empty(n)
    x[0] = e[0]
    for t in range(1, n):
        x[t] = phi * x[t - 1] + e[t]
    return x + offset


def test_worked_example(solution, reference):
    """The example from the task: acf([1, 2, 3, 4, 5], 2) = [1, 0.4, -0.1]."""
    check(solution, reference, np.array([1.0, 2.0, 3.0, 4.0, 5.0]), 2)


def test_lag_zero_is_one(solution, reference):
    """r[0] = 1 and the result has nlags + 1 values."""
    got = check(solution, reference, np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0]), 3)
    if got.shape != (4,) or not np.isclose(got[0], 1.0):
        fail(f"expected 4 values starting with 1.0, got {got}.")


def test_same_denominator_for_every_lag(solution, reference):
    """Every lag is divided by the lag-0 sum (adjusted=False), not by its own n - k pairs."""
    check(solution, reference, np.array([1.0, 3.0, 2.0, 5.0, 4.0, 6.0]), 5)


def test_alternating_series(solution, reference):
    """An alternating series has strongly negative odd lags and positive even lags."""
    check(solution, reference, np.tile([1.0, -1.0], 20) + 0.1 * np.arange(40) % 3, 6)


@pytest.mark.parametrize("phi", [0.8, -0.6, 0.0])
def test_ar1_series(solution, reference, phi):
    """AR(1) series with positive, negative and no autocorrelation."""
    check(solution, reference, ar1(int(10 * abs(phi)), 400, phi), 20)


@pytest.mark.parametrize("seed", range(4))
def test_random_series(solution, reference, seed):
    """Seeded random walks and noise of several lengths and lag counts."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 500))
    x = np.cumsum(rng.normal(size=n)) if seed % 2 else rng.exponential(size=n)
    check(solution, reference, x, int(rng.integers(0, n)))


def test_large_offset_is_stable(solution, reference):
    """An AR(1) series shifted by 1e9: centre first, or the sums cancel."""
    check(solution, reference, ar1(3, 300, 0.7, offset=1e9), 10)


def test_offset_invariance(solution, reference):
    """Adding a constant or scaling by a positive number does not change the ACF."""
    x = ar1(4, 200, 0.5)
    base = check(solution, reference, x, 8)
    shifted = check(solution, reference, 3.0 * x + 50.0, 8)
    if not np.allclose(base, shifted, atol=1e-9):
        fail("acf(3x + 50) differs from acf(x); the ACF must not depend on location or scale.")


def test_two_values(solution, reference):
    """n = 2, the smallest valid series: r = [1, -0.5]."""
    check(solution, reference, np.array([1.0, 2.0]), 1)


def test_nlags_zero_and_maximum(solution, reference):
    """nlags = 0 gives [1.0]; nlags = n - 1 is the largest allowed."""
    x = np.array([2.0, 7.0, 1.0, 8.0, 2.0, 8.0])
    check(solution, reference, x, 0)
    check(solution, reference, x, 5)


def test_integer_list_input(solution, reference):
    """A plain list of integers is accepted."""
    check(solution, reference, [4, 8, 15, 16, 23, 42, 8, 4], 4)


@pytest.mark.parametrize("x", [np.full(10, 3.7), np.full(7, 0.1)], ids=["3.7", "0.1"])
def test_constant_series_raises(solution, reference, x):
    """A constant series has zero variance: raise ValueError (not NaN)."""
    expect_value_error(solution, x, 2)


@pytest.mark.parametrize("nlags", [-1, 6, 10])
def test_nlags_out_of_range_raises(solution, reference, nlags):
    """nlags outside [0, n - 1] raises ValueError (here n = 6)."""
    expect_value_error(solution, np.array([1.0, 3.0, 2.0, 5.0, 4.0, 6.0]), nlags)


@pytest.mark.parametrize("x", [np.array([1.0]), np.array([1.0, np.nan, 3.0]), np.ones((3, 3))],
                         ids=["one value", "nan", "2-D"])
def test_invalid_series_raises(solution, reference, x):
    """Fewer than 2 values, NaN, or a 2-D x raises ValueError."""
    expect_value_error(solution, x, 0)


def test_input_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    check(solution, reference, np.array([5.0, 3.0, 6.0, 2.0, 7.0]), 2)


def speed_case():
    x = np.random.default_rng(0).normal(size=20_000)
    return {"function": "acf", "args": (x, 40)}
