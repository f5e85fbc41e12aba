"""Hidden tests for `zscore_anomalies`. Flags are compared exactly (booleans, same shape as X).

Zero-variance columns are those whose values are all equal (max == min); they flag nothing, also
when their computed std is ~1e-17 instead of 0 (constants like 0.1 whose mean is not exact).
Boundary cases use values whose mean, std and z-scores are exact in float64 (e.g. [0, 0, 0, 0, 5]:
mean 1, std 2, z = 2), so every correct formula gives the same flags; random data keep every |z|
at least 1e-6 away from the threshold.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_equal, call, fail


def check(solution, reference, X, threshold=None):
    kwargs = {} if threshold is None else {"threshold": threshold}
    expected = reference.zscore_anomalies(np.copy(X), **kwargs)
    got = call(solution.zscore_anomalies, X, **kwargs)
    arr = as_array(got)
    if arr.shape == expected.shape and arr.dtype != bool:
        fail(f"returned values of dtype {arr.dtype}; return a boolean mask (True where the entry is an "
             "anomaly), e.g. the result of a comparison.", got=got)
    if arr.shape == expected.shape and not np.array_equal(arr, expected):
        # Explain the first wrong entry with its column's statistics.
        idx = tuple(int(i) for i in np.argwhere(arr != expected)[0])
        col = np.asarray(X, dtype=float).reshape(len(X), -1)[:, idx[1] if len(idx) > 1 else 0]
        mean, std = col.mean(), col.std()
        value = float(np.asarray(X)[idx])
        z = "undefined (zero variance)" if np.ptp(col) == 0 else f"{abs(value - mean) / std:.4g}"
        fail(f"X[{', '.join(map(str, idx))}] = {value:g} should {'' if expected[idx] else 'not '}be flagged: "
             f"its column has mean {mean:.4g} and population std {std:.4g}, so |z| = {z} vs threshold "
             f"{threshold if threshold is not None else 3.0}; got {bool(arr[idx])} there.",
             expected=expected, got=got)
    assert_equal(got, expected, what="flags")


def test_worked_example(solution, reference):
    """The example from the task: one high outlier, a constant second column, threshold 1.5."""
    X = np.array([[1.0, 10.0], [2.0, 10.0], [3.0, 10.0], [4.0, 10.0], [100.0, 10.0]])
    check(solution, reference, X, 1.5)


def test_low_outlier_is_flagged(solution, reference):
    """Both tails count: a value far BELOW the mean is an anomaly too."""
    X = np.array([[5.0], [5.2], [4.9], [5.1], [5.0], [-40.0], [5.05], [4.95]])
    check(solution, reference, X, 2.0)


def test_exactly_at_threshold_is_not_flagged(solution, reference):
    """|z| equal to the threshold is not an anomaly (strict >): z = 2 for 5 in [0, 0, 0, 0, 5]."""
    check(solution, reference, np.array([[0.0], [0.0], [0.0], [0.0], [5.0]]), 2.0)
    check(solution, reference, np.array([[0.0], [0.0], [0.0], [0.0], [5.0]]), 1.999)


def test_population_std(solution, reference):
    """std uses ddof=0: 5 in [0, 0, 0, 0, 5] has z = 2.0 (it would be 1.79 with ddof=1), above 1.9."""
    check(solution, reference, np.array([[0.0, 1.0], [0.0, 2.0], [0.0, 1.0], [0.0, 2.0], [5.0, 1.0]]), 1.9)


def test_statistics_per_column(solution, reference):
    """Columns on very different scales: each is judged against its own mean and std."""
    rng = np.random.default_rng(1)
    X = np.column_stack([rng.normal(0, 1, 60), rng.normal(1000, 100, 60), rng.normal(-5, 0.01, 60)])
    X[3, 0], X[10, 1], X[20, 2] = 6.0, 1600.0, -5.08
    check(solution, reference, X, 3.0)


def test_constant_column_flags_nothing(solution, reference):
    """A zero-variance column flags nothing (no 0 / 0 decision), next to a normal column."""
    X = np.array([[7.0, 1.0], [7.0, 2.0], [7.0, 3.0], [7.0, 50.0], [7.0, 2.0], [7.0, 1.0]])
    check(solution, reference, X, 1.0)


@pytest.mark.parametrize("value", [0.1, 1 / 3, 0.7, 1e8 + 0.1])
def test_inexact_constant_column_flags_nothing(solution, reference, value):
    """A constant column whose mean is not exact in float64 (0.1, 1/3, 0.7, 1e8 + 0.1 repeated): the
    computed std is ~1e-17 (or 1.5e-8), not 0, but the column is constant, so nothing is flagged even at
    thresholds below 1. Decide "constant" exactly (max == min), not with std == 0."""
    for n in (3, 7, 10, 11):
        col = np.full(n, value)
        X = np.column_stack([col, np.arange(n, dtype=float) ** 2])
        for threshold in (0.1, 0.5, 1.5):
            check(solution, reference, X, threshold)
        check(solution, reference, col, 0.5)


def test_single_row(solution, reference):
    """n = 1: every std is 0, so nothing is flagged."""
    check(solution, reference, np.array([[3.0, -1.0, 8.0]]), 0.5)


def test_one_dimensional_input(solution, reference):
    """A 1-D array is one column; the mask has shape (n,)."""
    x = np.array([1.0, 1.2, 0.9, 1.1, 1.0, 9.0, 1.05, 0.95, 1.0, 1.1])
    check(solution, reference, x, 2.5)


@pytest.mark.parametrize("threshold", [1.0, 2.0, 2.5])
def test_uses_threshold(solution, reference, threshold):
    """The threshold argument decides how far is anomalous."""
    rng = np.random.default_rng(2)
    check(solution, reference, rng.standard_t(3, size=(80, 3)), threshold)


def test_default_threshold_is_three(solution, reference):
    """Called without a threshold, 3.0 applies."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(200, 2))
    X[5, 0], X[6, 1], X[7, 1] = 4.5, -4.2, 2.7
    check(solution, reference, X)


def test_integer_input(solution, reference):
    """Integer data works (no integer division)."""
    X = np.array([[1, 100], [2, 102], [1, 98], [3, 101], [2, 99], [1, 100], [2, 250], [30, 100]])
    check(solution, reference, X, 2.0)


@pytest.mark.parametrize("seed", range(4))
def test_random_data_with_outliers(solution, reference, seed):
    """Seeded random data of several shapes with a few injected outliers."""
    rng = np.random.default_rng(800 + seed)
    n, d = int(rng.integers(30, 300)), int(rng.integers(1, 6))
    X = rng.normal(rng.normal(0, 10, d), rng.uniform(0.1, 5, d), size=(n, d))
    rows, cols = rng.integers(0, n, 4), rng.integers(0, d, 4)
    X[rows, cols] += rng.choice([-1, 1], 4) * rng.uniform(4, 10, 4) * X.std(axis=0)[cols]
    threshold = float(rng.choice([2.0, 2.5, 3.0]))
    z = np.abs((X - X.mean(axis=0)) / X.std(axis=0))
    assert np.abs(z - threshold).min() > 1e-6  # no entry sits on the threshold
    check(solution, reference, X, threshold)


def test_input_not_modified(solution, reference):
    """X is left untouched (checked on every call)."""
    check(solution, reference, np.random.default_rng(4).normal(size=(20, 3)), 2.0)


def speed_case():
    X = np.random.default_rng(0).normal(size=(100_000, 5))
    return {"function": "zscore_anomalies", "args": (X,), "kwargs": {"threshold": 3.0}}
