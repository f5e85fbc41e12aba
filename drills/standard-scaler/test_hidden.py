"""Hidden tests for `standard_scaler_fit` and `standard_scaler_transform`.

Tolerances: RTOL=1e-7, ATOL=1e-9 (any summation order or a one-pass variance formula passes on
these well-conditioned data). A constant column (all values equal) must get a std of exactly 0
from fit, also when its values (0.1, 1/3, 1e8 + 0.1, ...) make the computed std ~1e-17.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-7, 1e-9


def unpack_stats(got):
    """The user's fit result as (mean, std), with a clear failure if it is not a pair."""
    if got is None:
        fail("returned None. Did you forget a `return` statement? Return a tuple (mean, std).")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a tuple (mean, std) of two arrays of shape (d,).",
             got=got)
    return got


def check_fit(solution, reference, X):
    exp_mean, exp_std = reference.standard_scaler_fit(np.copy(X))
    got = call(solution.standard_scaler_fit, X)
    mean, std = unpack_stats(got)
    assert_close(mean, exp_mean, rtol=RTOL, atol=ATOL, what="the mean")
    assert_close(std, exp_std, rtol=RTOL, atol=ATOL, what="the std")
    return mean, std


def check_transform(solution, reference, X, mean, std):
    expected = reference.standard_scaler_transform(np.copy(X), np.copy(mean), np.copy(std))
    got = call(solution.standard_scaler_transform, X, mean, std)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="the scaled data")
    return got


def test_worked_example(solution, reference):
    """The example from the task: fit, transform the training data, then a new row."""
    X_train = np.array([[1.0, 5.0], [3.0, 5.0]])
    mean, std = check_fit(solution, reference, X_train)
    check_transform(solution, reference, X_train, np.asarray(mean, float), np.asarray(std, float))
    check_transform(solution, reference, np.array([[4.0, 7.0]]), np.array([2.0, 5.0]), np.array([1.0, 0.0]))


@pytest.mark.parametrize("seed,shape", [(0, (50, 3)), (1, (7, 1)), (2, (200, 6)), (3, (2, 4))])
def test_fit_population_statistics(solution, reference, seed, shape):
    """Fit returns per-column means and population stds (ddof=0) on random data of several shapes."""
    rng = np.random.default_rng(seed)
    X = rng.normal(rng.uniform(-5, 5, shape[1]), rng.uniform(0.5, 4, shape[1]), shape)
    check_fit(solution, reference, X)


def test_fit_single_sample(solution, reference):
    """One training row: every std is 0 (dividing by n - 1 would give NaN)."""
    check_fit(solution, reference, np.array([[2.0, -1.0, 7.5]]))


def test_fit_keeps_zero_std_of_constant_column(solution, reference):
    """A constant column has std exactly 0 in the fit result (the guard belongs in transform)."""
    X = np.array([[1.0, 4.0, 0.0], [2.0, 4.0, 1.0], [4.0, 4.0, 5.0], [9.0, 4.0, 2.0]])
    check_fit(solution, reference, X)


@pytest.mark.parametrize("n", [3, 7, 10, 11])
def test_fit_inexact_constant_columns_have_zero_std(solution, reference, n):
    """Constant columns of 0.1, 1/3, 0.7 and 1e8 + 0.1 (means not exact in float64): fit returns a std of
    exactly 0 for them (decide "all values equal" exactly), so transform maps them to 0, not to +-1."""
    X = np.column_stack([np.full(n, 0.1), np.full(n, 1 / 3), np.arange(n, dtype=float), np.full(n, 0.7),
                         np.full(n, 1e8 + 0.1)])
    mean, std = check_fit(solution, reference, X)
    std = np.asarray(std, dtype=float)
    for j in (0, 1, 3, 4):
        if std[j] != 0:
            fail(f"column {j} holds {n} copies of {X[0, j]!r}, so its std is 0, but fit returned {std[j]!r} "
                 "(the rounding error of the mean). Return exactly 0.0 for a column whose values are all "
                 "equal (e.g. where np.ptp(X, axis=0) == 0).", expected=0.0, got=std[j])
    got = call(solution.standard_scaler_transform, X, np.asarray(mean, dtype=float), std)
    assert_close(got, reference.standard_scaler_transform(X.copy(), *reference.standard_scaler_fit(X.copy())),
                 rtol=RTOL, atol=ATOL, what="the scaled training data")


def test_fit_integer_input(solution, reference):
    """Integer data give exact float statistics (no integer truncation)."""
    check_fit(solution, reference, np.array([[1, 10], [2, 20], [4, 25]]))


@pytest.mark.parametrize("seed", range(3))
def test_transform_training_data(solution, reference, seed):
    """Transforming the training data with its own statistics gives columns of mean 0, std 1."""
    rng = np.random.default_rng(10 + seed)
    X = rng.normal(3.0, 2.0, (30, 4)) * rng.uniform(0.1, 10, 4)
    mean, std = reference.standard_scaler_fit(X.copy())
    check_transform(solution, reference, X, mean, std)


def test_transform_test_data_uses_training_statistics(solution, reference):
    """Test rows are scaled with the TRAINING mean and std, not statistics of the test rows (leakage)."""
    rng = np.random.default_rng(4)
    X_train = rng.normal(0.0, 1.0, (40, 3))
    X_test = rng.normal(2.0, 3.0, (10, 3))  # shifted and wider: its own statistics differ a lot
    mean, std = reference.standard_scaler_fit(X_train.copy())
    check_transform(solution, reference, X_test, mean, std)


def test_transform_uses_the_given_statistics(solution, reference):
    """Arbitrary mean and std vectors are applied column by column, exactly as given."""
    X = np.array([[1.0, 2.0, 3.0], [4.0, -2.0, 0.5], [0.0, 0.0, 0.0]])
    check_transform(solution, reference, X, np.array([1.0, -2.0, 0.25]), np.array([2.0, 0.5, 4.0]))


def test_transform_single_row(solution, reference):
    """A single new row is scaled with the training statistics (its own std would be 0)."""
    check_transform(solution, reference, np.array([[3.0, -1.0]]), np.array([1.0, 1.0]), np.array([0.5, 2.0]))


def test_zero_variance_training_column_maps_to_zero(solution, reference):
    """A constant training column becomes 0 (divide by 1), not NaN or inf."""
    X = np.array([[1.0, 3.0, -2.0], [2.0, 3.0, -2.0], [6.0, 3.0, -2.0]])
    mean, std = reference.standard_scaler_fit(X.copy())
    got = check_transform(solution, reference, X, mean, std)
    if not np.all(np.isfinite(np.asarray(got, dtype=float))):
        fail("produced NaN or inf for a constant column; divide by 1 where std == 0.", got=got)


def test_zero_variance_column_on_new_data(solution, reference):
    """New values in a column that was constant in training map to x - mean (divided by 1)."""
    X_train = np.array([[0.0, 5.0], [2.0, 5.0], [4.0, 5.0]])
    mean, std = reference.standard_scaler_fit(X_train.copy())
    check_transform(solution, reference, np.array([[1.0, 7.0], [3.0, 4.5], [5.0, 5.0]]), mean, std)


def test_fit_then_transform_pipeline(solution, reference):
    """Your fit followed by your transform on held-out data matches the reference pipeline."""
    rng = np.random.default_rng(7)
    X_train = np.column_stack([rng.normal(10, 3, 25), rng.uniform(-1, 1, 25), np.full(25, 2.0)])
    X_test = np.column_stack([rng.normal(12, 1, 6), rng.uniform(-3, 3, 6), rng.normal(2, 1, 6)])
    exp_mean, exp_std = reference.standard_scaler_fit(X_train.copy())
    expected = reference.standard_scaler_transform(X_test.copy(), exp_mean, exp_std)
    mean, std = unpack_stats(call(solution.standard_scaler_fit, X_train))
    got = call(solution.standard_scaler_transform, X_test, np.asarray(mean, dtype=float),
               np.asarray(std, dtype=float))
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="the scaled test data")


def test_transform_integer_input(solution, reference):
    """Integer data are scaled in floating point."""
    check_transform(solution, reference, np.array([[1, 2], [3, 5]]), np.array([2.0, 1.0]), np.array([4.0, 3.0]))


def test_inputs_not_modified(solution, reference):
    """X, mean and std are left untouched (checked by the grader on every call)."""
    X = np.array([[1.0, 0.0], [5.0, 0.0], [3.0, 0.0]])
    mean, std = check_fit(solution, reference, X)
    check_transform(solution, reference, X, np.array([3.0, 0.0]), np.array([2.0, 0.0]))


def speed_case():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100_000, 8))
    return {"function": "standard_scaler_transform", "args": (X, X.mean(axis=0), X.std(axis=0))}
