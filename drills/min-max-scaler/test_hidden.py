"""Hidden tests for `minmax_fit` and `minmax_transform`.

Tolerances: RTOL=1e-9, ATOL=1e-12 (a few float operations; any algebraically equivalent order of
operations passes). For data far from 0 the absolute tolerance grows with the representation error
of the inputs: ATOL + 8 eps max|X| / span * (high - low), so both (X - min) / span and the
precomputed X * scale + offset form (scikit-learn's) pass, while float32 arithmetic does not. Statistics are passed to transform positionally, feature_range by keyword.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12


def unpack_stats(got):
    """The user's fit result as (data_min, data_max), with a clear failure if it is not a pair."""
    if got is None:
        fail("returned None. Did you forget a `return` statement? Return a tuple (data_min, data_max).")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a tuple (data_min, data_max) of two arrays of "
             "shape (d,).", got=got)
    return got


def check_fit(solution, reference, X):
    exp_min, exp_max = reference.minmax_fit(np.copy(X))
    data_min, data_max = unpack_stats(call(solution.minmax_fit, X))
    assert_close(data_min, exp_min, rtol=RTOL, atol=ATOL, what="data_min")
    assert_close(data_max, exp_max, rtol=RTOL, atol=ATOL, what="data_max")


def check_transform(solution, reference, X, data_min, data_max, feature_range=None):
    kwargs = {} if feature_range is None else {"feature_range": feature_range}
    expected = reference.minmax_transform(np.copy(X), np.copy(data_min), np.copy(data_max), **kwargs)
    got = call(solution.minmax_transform, X, data_min, data_max, **kwargs)
    low, high = (0, 1) if feature_range is None else feature_range
    span = np.asarray(data_max, dtype=float) - np.asarray(data_min, dtype=float)
    span = np.where(span == 0, 1.0, span)
    # Inputs near 1e8 carry a rounding of eps * |X| themselves: allow that much (scaled to the output).
    atol = ATOL + float(np.max(8 * np.finfo(float).eps * np.abs(np.asarray(X, dtype=float)).max(axis=0)
                               / span)) * (high - low)
    assert_close(got, expected, rtol=RTOL, atol=atol, what="the scaled data")
    return got


def fitted(reference, X):
    return reference.minmax_fit(X.copy())


def test_worked_example(solution, reference):
    """The example from the task: fit, transform the training data, then a new row into (-1, 1)."""
    X = np.array([[0.0, 10.0], [5.0, 10.0], [10.0, 10.0]])
    check_fit(solution, reference, X)
    lo, hi = fitted(reference, X)
    check_transform(solution, reference, X, lo, hi)
    check_transform(solution, reference, np.array([[15.0, 10.0]]), lo, hi, feature_range=(-1, 1))


@pytest.mark.parametrize("seed,shape", [(0, (40, 3)), (1, (5, 1)), (2, (120, 5))])
def test_fit_column_ranges(solution, reference, seed, shape):
    """Fit returns the per-column minima and maxima on random data of several shapes."""
    rng = np.random.default_rng(seed)
    check_fit(solution, reference, rng.normal(rng.uniform(-10, 10, shape[1]), 3.0, shape))


def test_fit_integer_and_single_row(solution, reference):
    """Integer data, and a single training row (min == max)."""
    check_fit(solution, reference, np.array([[3, -1], [7, 4], [5, 0]]))
    check_fit(solution, reference, np.array([[2.5, -4.0, 0.0]]))


@pytest.mark.parametrize("seed", range(3))
def test_training_data_fills_unit_range(solution, reference, seed):
    """With its own statistics, each training column spans exactly [0, 1]."""
    rng = np.random.default_rng(20 + seed)
    X = rng.uniform(-3, 8, (25, 4)) * rng.uniform(0.1, 100, 4)
    lo, hi = fitted(reference, X)
    check_transform(solution, reference, X, lo, hi)


@pytest.mark.parametrize("feature_range", [(-1, 1), (2, 5), (-10.0, -4.0)])
def test_feature_range(solution, reference, feature_range):
    """Other target ranges: data_min maps to low and data_max to high."""
    rng = np.random.default_rng(3)
    X = rng.normal(4.0, 2.0, (15, 3))
    lo, hi = fitted(reference, X)
    check_transform(solution, reference, X, lo, hi, feature_range=feature_range)


def test_test_data_uses_training_statistics(solution, reference):
    """Test rows are scaled with the TRAINING min and max, not their own (leakage)."""
    rng = np.random.default_rng(5)
    X_train = rng.uniform(0, 10, (30, 3))
    X_test = rng.uniform(2, 6, (8, 3))  # narrower than training: its own min/max would differ
    lo, hi = fitted(reference, X_train)
    check_transform(solution, reference, X_test, lo, hi)


def test_no_clipping_outside_training_range(solution, reference):
    """Values below the training min or above the training max land outside [low, high]."""
    lo, hi = np.array([0.0, -2.0]), np.array([10.0, 2.0])
    X_new = np.array([[-5.0, 3.0], [12.5, -4.0], [5.0, 0.0]])
    check_transform(solution, reference, X_new, lo, hi)
    check_transform(solution, reference, X_new, lo, hi, feature_range=(-1, 1))


def test_constant_column_maps_to_low(solution, reference):
    """A constant training column maps to `low` (divide by 1), not NaN."""
    X = np.array([[1.0, 7.0], [3.0, 7.0], [2.0, 7.0]])
    lo, hi = fitted(reference, X)
    got = check_transform(solution, reference, X, lo, hi, feature_range=(2, 5))
    if not np.all(np.isfinite(np.asarray(got, dtype=float))):
        fail("produced NaN or inf for a constant column; divide by 1 where data_max == data_min.", got=got)


def test_constant_column_on_new_data(solution, reference):
    """New values in a column that was constant in training map to low + (x - data_min) * (high - low)."""
    lo, hi = np.array([0.0, 4.0]), np.array([2.0, 4.0])
    X_new = np.array([[1.0, 4.5], [2.0, 3.0]])
    check_transform(solution, reference, X_new, lo, hi)
    check_transform(solution, reference, X_new, lo, hi, feature_range=(-1, 1))


def test_fit_then_transform_pipeline(solution, reference):
    """Your fit followed by your transform on held-out data matches the reference pipeline."""
    rng = np.random.default_rng(8)
    X_train = np.column_stack([rng.uniform(-5, 5, 20), rng.exponential(3.0, 20), np.full(20, -1.5)])
    X_test = np.column_stack([rng.uniform(-8, 8, 5), rng.exponential(3.0, 5), rng.normal(-1.5, 1, 5)])
    lo, hi = fitted(reference, X_train)
    expected = reference.minmax_transform(X_test.copy(), lo, hi, feature_range=(-1, 1))
    got_lo, got_hi = unpack_stats(call(solution.minmax_fit, X_train))
    got = call(solution.minmax_transform, X_test, np.asarray(got_lo, dtype=float), np.asarray(got_hi, dtype=float),
               feature_range=(-1, 1))
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="the scaled test data")


@pytest.mark.parametrize("offset", [1e6, 1e8])
def test_data_far_from_zero(solution, reference, offset):
    """Columns near 1e6 and 1e8 with a spread of about 1: still mapped onto [low, high] (to within the
    inputs' own rounding, ~1e-8 at 1e8), training and new data."""
    rng = np.random.default_rng(int(np.log10(offset)))
    X = rng.uniform(0, 1, (20, 3)) + offset
    data_min, data_max = fitted(reference, X)
    check_fit(solution, reference, X)
    check_transform(solution, reference, X, data_min, data_max)
    check_transform(solution, reference, X[:5] + 0.5, data_min, data_max, feature_range=(-1, 1))


def test_transform_integer_input(solution, reference):
    """Integer data are scaled in floating point (no truncation)."""
    check_transform(solution, reference, np.array([[1, 2], [3, 5], [4, 9]]), np.array([1.0, 2.0]),
                    np.array([4.0, 9.0]))


def test_inputs_not_modified(solution, reference):
    """X, data_min and data_max are left untouched (checked by the grader on every call)."""
    X = np.array([[1.0, 0.0], [5.0, 0.0], [3.0, 0.0]])
    check_transform(solution, reference, X, np.array([1.0, 0.0]), np.array([5.0, 0.0]), feature_range=(-1, 1))


def speed_case():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100_000, 8))
    return {"function": "minmax_transform", "args": (X, X.min(axis=0), X.max(axis=0)),
            "kwargs": {"feature_range": (-1, 1)}}
