"""Hidden tests for `winsorize`. Tolerances: RTOL=1e-12, ATOL=1e-12 (the limits come from
np.percentile's linear interpolation; np.quantile(x, pct / 100) or a hand-written interpolation
gives the same values up to rounding)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-12, 1e-12


def check(solution, reference, x, *pcts):
    expected = reference.winsorize(np.copy(x), *pcts)
    got = call(solution.winsorize, x, *pcts)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="the winsorized data")


def test_worked_example(solution, reference):
    """The examples from the task: 1..10 at (10, 90), then a 2-D array per column at (50, 100)."""
    check(solution, reference, np.arange(1, 11), 10, 90)
    check(solution, reference, np.array([[1.0, 100.0], [2.0, 200.0], [3.0, 300.0]]), 50, 100)


@pytest.mark.parametrize("seed", range(4))
def test_default_percentiles_1d(solution, reference, seed):
    """Default 5th / 95th percentiles on seeded heavy-tailed samples of several sizes."""
    rng = np.random.default_rng(seed)
    check(solution, reference, rng.standard_t(2, int(rng.integers(10, 400))) * 3.0)


@pytest.mark.parametrize("seed", range(3))
def test_2d_each_column_separately(solution, reference, seed):
    """2-D input: every column is clipped to its own percentiles (axis 0)."""
    rng = np.random.default_rng(10 + seed)
    d = int(rng.integers(2, 6))
    X = rng.standard_t(3, (int(rng.integers(15, 80)), d)) * rng.uniform(0.1, 100, d) + rng.uniform(-50, 50, d)
    check(solution, reference, X)
    check(solution, reference, X, 20, 70)


def test_interpolated_limits(solution, reference):
    """Limits between two data values are linearly interpolated, not rounded to a data value."""
    check(solution, reference, np.array([0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 1000.0]), 10, 80)


def test_integer_input_not_truncated(solution, reference):
    """Integer data give float results: the limit 1.9 stays 1.9, not 1."""
    check(solution, reference, np.array([5, 1, 9, 3, 7, 2, 10, 4, 8, 6]), 10, 90)
    check(solution, reference, np.array([[1, 10], [2, 20], [3, 30], [4, 45]]), 25, 75)


def test_python_list(solution, reference):
    """A plain list is accepted."""
    check(solution, reference, [3.0, -100.0, 2.0, 4.0, 1.0, 250.0, 5.0], 15, 85)


@pytest.mark.parametrize("pcts", [(0, 100), (0, 90), (10, 100), (25, 75), (1, 99)])
def test_other_percentiles(solution, reference, pcts):
    """Other limits, including one-sided (0 or 100) and no-op (0, 100)."""
    rng = np.random.default_rng(5)
    check(solution, reference, rng.normal(0, 4, 50), *pcts)


def test_equal_percentiles(solution, reference):
    """lower_pct == upper_pct: every value becomes that percentile."""
    check(solution, reference, np.array([4.0, 1.0, 9.0, 2.0]), 50, 50)


def test_single_value_and_single_row(solution, reference):
    """One value, or one row of a 2-D array: nothing changes."""
    check(solution, reference, np.array([3.5]))
    check(solution, reference, np.array([[1.0, -2.0, 7.0]]))


def test_single_column_2d(solution, reference):
    """A (n, 1) array keeps its shape."""
    check(solution, reference, np.array([[1.0], [50.0], [2.0], [3.0], [-40.0], [4.0]]), 20, 80)


def test_input_not_modified(solution, reference):
    """x is left untouched: a clipped copy is returned (checked by the grader on every call)."""
    check(solution, reference, np.array([100.0, 1.0, 2.0, 3.0, -100.0]), 20, 80)
    check(solution, reference, np.array([[9.0, 1.0], [0.0, 2.0], [5.0, 30.0]]), 10, 90)


def speed_case():
    return {"function": "winsorize", "args": (np.random.default_rng(0).standard_t(3, (200_000, 5)),)}
