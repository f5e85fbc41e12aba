"""Hidden tests for `iqr_outliers` and `zscore_outliers`. Masks are compared exactly (booleans,
or 0/1 integers). Values on a fence or exactly at the threshold are built from exactly
representable numbers, so the strict inequalities are tested without rounding doubts."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_equal, call, fail, short_repr

# Tail values around the fences of a 21-point sample with Q1 = 5, Q3 = 15 (fences -10 and 30):
# -10 and 30 lie exactly on the fences, -10.2 and 30.2 just outside.
FENCE_DATA = np.array([-10.2, -10.0, 2.0, 3.0] + list(range(4, 17)) + [17.0, 30.0, 30.2, 40.0])


def check_mask(got, expected, x):
    """Exact mask comparison; for long inputs, name the first point that is misclassified."""
    arr = as_array(got)
    if arr.shape == expected.shape and expected.size > 12 and not np.array_equal(arr, expected):
        i = int(np.flatnonzero(arr != expected)[0])
        verdict = "is an outlier but was not flagged" if expected[i] else "was flagged but is not an outlier"
        fail(f"x[{i}] = {float(np.asarray(x)[i]):g} {verdict}. Expected outliers at indices "
             f"{short_repr(np.flatnonzero(expected))}, got {short_repr(np.flatnonzero(arr))}.",
             expected=expected, got=got)
    assert_equal(got, expected, what="the outlier mask")


def check_iqr(solution, reference, x, k=None):
    kwargs = {} if k is None else {"k": k}
    expected = reference.iqr_outliers(np.copy(x), **kwargs)
    got = call(solution.iqr_outliers, x, **kwargs)
    check_mask(got, expected, x)


def check_z(solution, reference, x, threshold=None):
    kwargs = {} if threshold is None else {"threshold": threshold}
    expected = reference.zscore_outliers(np.copy(x), **kwargs)
    got = call(solution.zscore_outliers, x, **kwargs)
    check_mask(got, expected, x)


def test_worked_example(solution, reference):
    """The examples from the task: IQR fences -1 and 7; z = 3.0 with thresholds 2.9 and 3.0."""
    check_iqr(solution, reference, [1, 2, 3, 4, 100])
    x = np.array([0.0] * 9 + [10.0])
    check_z(solution, reference, x, threshold=2.9)
    check_z(solution, reference, x, threshold=3.0)


def test_iqr_points_on_fences_are_not_outliers(solution, reference):
    """Points exactly on Q1 - 1.5*IQR or Q3 + 1.5*IQR are kept; points just beyond are flagged."""
    check_iqr(solution, reference, FENCE_DATA)


def test_iqr_linear_interpolation(solution, reference):
    """Quartiles between two data points are interpolated linearly (np.percentile's default)."""
    check_iqr(solution, reference, np.array([0.0, 1.0, 2.0, 4.0, 8.0, 9.0, 10.0, 24.0]))
    check_iqr(solution, reference, np.array([-3.0, 10.0, 11.0, 12.5, 14.0, 15.0, 29.0, 33.0, 33.5]))


@pytest.mark.parametrize("k", [3.0, 0.5, 0.0])
def test_iqr_multiplier(solution, reference, k):
    """The multiplier k sets the fence distance (k = 0: anything outside [Q1, Q3])."""
    check_iqr(solution, reference, FENCE_DATA, k=k)


@pytest.mark.parametrize("seed", range(4))
def test_iqr_random(solution, reference, seed):
    """Seeded normal samples with a few injected outliers."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, int(rng.integers(20, 300)))
    x[rng.integers(0, x.size, 4)] += rng.choice([-6.0, 6.0], 4)
    check_iqr(solution, reference, x)
    check_iqr(solution, reference, x, k=1.0)


def test_iqr_zero_iqr(solution, reference):
    """IQR = 0: every value different from the quartile is an outlier."""
    check_iqr(solution, reference, np.array([5.0, 5.0, 5.0, 5.0, 5.0, 9.0, 5.0, 4.0]))


def test_iqr_integers_and_lists(solution, reference):
    """Integer arrays and plain lists work."""
    check_iqr(solution, reference, np.array([3, -40, 1, 2, 5, 4, 6, 70]))
    check_iqr(solution, reference, [10.0, 12.0, 11.0, 13.0, 50.0, -20.0, 12.5])


def test_iqr_single_value(solution, reference):
    """A single value is never an outlier."""
    check_iqr(solution, reference, np.array([42.0]))


def test_zscore_threshold_is_strict(solution, reference):
    """|z| exactly equal to the threshold is not an outlier: [-1, 1] has z = -1 and 1."""
    check_z(solution, reference, np.array([-1.0, 1.0]), threshold=1.0)
    check_z(solution, reference, np.array([-1.0, 1.0]), threshold=0.5)


def test_zscore_population_std(solution, reference):
    """z uses the population std (ddof=0): with ddof=1 the last z would be 2.85 < 2.9."""
    check_z(solution, reference, np.array([0.0] * 9 + [10.0]), threshold=2.9)


def test_zscore_low_outliers_count(solution, reference):
    """Large negative deviations are outliers too (absolute value)."""
    x = np.array([0.0] * 12 + [-20.0, 1.0, 2.0])
    check_z(solution, reference, x)
    check_z(solution, reference, x, threshold=2.5)


@pytest.mark.parametrize("threshold", [None, 2.0, 2.5])
def test_zscore_random(solution, reference, threshold):
    """Seeded samples with outliers on both sides, several thresholds (default 3.0)."""
    rng = np.random.default_rng(17)
    x = np.concatenate([rng.normal(5, 2, 200), [17.0, -8.5, 13.2, -3.4]])
    check_z(solution, reference, rng.permutation(x), threshold=threshold)


def test_zscore_zero_variance(solution, reference):
    """A constant array (and a single value) has no outliers: all False, no division by 0."""
    check_z(solution, reference, np.array([3.0, 3.0, 3.0, 3.0]))
    check_z(solution, reference, np.array([7.5]))
    check_z(solution, reference, np.array([-2, -2, -2]), threshold=0.0)


@pytest.mark.parametrize("value", [0.1, 1 / 3, 0.7, 1e8 + 0.1])
def test_zscore_inexact_constant(solution, reference, value):
    """A constant array whose mean is not exact in float64 (0.1, 1/3, 0.7, 1e8 + 0.1 repeated): the
    computed std is ~1e-17 (or 1.5e-8), not 0, yet the data are constant, so nothing is an outlier,
    also at thresholds below 1. Decide zero variance exactly (max == min), not with std == 0."""
    for n in (3, 7, 10, 11):
        for threshold in (0.0, 0.5, 2.0):
            check_z(solution, reference, np.full(n, value), threshold=threshold)


def test_zscore_integers(solution, reference):
    """Integer input is handled in floating point."""
    check_z(solution, reference, np.array([1, 2, 3, 2, 1, 2, 3, 30, 2, 1, 2, 2]), threshold=2.0)


def test_inputs_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    x = np.array([3.0, 1.0, 2.0, 100.0, -50.0])
    check_iqr(solution, reference, x)
    check_z(solution, reference, x, threshold=1.0)


def speed_case():
    return {"function": "iqr_outliers", "args": (np.random.default_rng(0).standard_t(3, 300_000),)}
