"""Hidden tests for `impute`. Tolerances: RTOL=1e-9, ATOL=1e-12 (means may be summed in any
order; medians and modes are exact). Observed entries of X must come back unchanged."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
nan = np.nan


def check(solution, reference, X, strategy=None, fit_X=None):
    kwargs = {}
    if strategy is not None:
        kwargs["strategy"] = strategy
    if fit_X is not None:
        kwargs["fit_X"] = fit_X
    ref_kwargs = {k: (np.copy(v) if isinstance(v, np.ndarray) else v) for k, v in kwargs.items()}
    expected = reference.impute(np.copy(X), **ref_kwargs)
    got = call(solution.impute, X, **kwargs)
    arr = np.asarray(got, dtype=float) if got is not None else None
    if arr is not None and arr.shape == expected.shape and np.isnan(arr).any():
        where = tuple(int(i) for i in np.argwhere(np.isnan(arr))[0])
        fail(f"the result still contains NaN at index {where}; every missing entry must be filled "
             f"(expected {expected[where]:g} there).", expected=expected, got=got)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="the imputed data")


def with_gaps(rng, shape, rate=0.25):
    X = rng.normal(0, 3, shape).round(1)
    X[rng.random(shape) < rate] = nan
    return X


def test_worked_example(solution, reference):
    """The examples from the task: mean, median, most_frequent and a test row filled from fit_X."""
    X = np.array([[1.0, 2.0], [nan, 2.0], [3.0, nan], [nan, 5.0]])
    check(solution, reference, X)
    check(solution, reference, X, "median")
    check(solution, reference, X, "most_frequent")
    check(solution, reference, np.array([[nan, nan]]), fit_X=X)


@pytest.mark.parametrize("seed,shape", [(0, (20, 3)), (1, (7, 1)), (2, (60, 5))])
def test_mean_random(solution, reference, seed, shape):
    """Mean imputation ignores the NaN (they are not counted as zeros) on random data."""
    rng = np.random.default_rng(seed)
    X = with_gaps(rng, shape) + 10.0  # far from 0: counting gaps as zeros shows
    check(solution, reference, X, "mean")


def test_median_odd_and_even_counts(solution, reference):
    """Median of an odd count is the middle value; of an even count the mean of the two middle ones."""
    X = np.array([[1.0, 10.0], [nan, 4.0], [7.0, nan], [2.0, 1.0], [nan, 8.0], [100.0, nan]])
    check(solution, reference, X, "median")


@pytest.mark.parametrize("seed", range(2))
def test_median_random(solution, reference, seed):
    """Median imputation on skewed random data (median differs from the mean)."""
    rng = np.random.default_rng(10 + seed)
    X = rng.exponential(5.0, (25, 4)).round(2)
    X[rng.random(X.shape) < 0.3] = nan
    check(solution, reference, X, "median")


def test_most_frequent_tie_goes_to_smallest(solution, reference):
    """Tied modes: the smallest value wins, even when a larger one appears first."""
    X = np.array([[9.0, -1.0], [3.0, 4.0], [9.0, 4.0], [3.0, -1.0], [nan, nan], [5.0, 4.0]])
    check(solution, reference, X, "most_frequent")


def test_most_frequent_clear_winner(solution, reference):
    """A unique mode is used even when it is neither the smallest nor the first value."""
    X = np.array([[1.0], [8.0], [8.0], [nan], [2.5], [8.0], [1.0], [nan]])
    check(solution, reference, X, "most_frequent")


def test_most_frequent_random_categories(solution, reference):
    """Category-like codes with several columns and gaps."""
    rng = np.random.default_rng(3)
    X = rng.choice([0.0, 1.0, 2.0, 7.0], size=(40, 3), p=[0.1, 0.4, 0.2, 0.3])
    X[rng.random(X.shape) < 0.2] = nan
    check(solution, reference, X, "most_frequent")


@pytest.mark.parametrize("strategy", ["mean", "median", "most_frequent"])
def test_fit_x_statistics_are_used(solution, reference, strategy):
    """With fit_X, the fill values come from the training data, not from X (no leakage)."""
    rng = np.random.default_rng(4)
    fit_X = np.round(rng.normal(0, 2, (30, 3)))
    fit_X[rng.random(fit_X.shape) < 0.2] = nan
    X_test = np.round(rng.normal(20, 2, (8, 3)))
    X_test[rng.random(X_test.shape) < 0.4] = nan
    X_test[0, :] = nan
    check(solution, reference, X_test, strategy, fit_X=fit_X)


def test_single_observed_value(solution, reference):
    """A column with a single observed value is filled with that value."""
    X = np.array([[nan, 1.0], [7.0, 2.0], [nan, 6.0]])
    for strategy in ("mean", "median", "most_frequent"):
        check(solution, reference, X, strategy)


@pytest.mark.parametrize("strategy", ["mean", "median", "most_frequent"])
def test_all_nan_column_gets_zero(solution, reference, strategy):
    """A column with no observed value in the fit data is filled with 0."""
    X = np.array([[nan, 1.0, 4.0], [nan, nan, 4.0], [nan, 3.0, nan]])
    check(solution, reference, X, strategy)
    check(solution, reference, np.array([[nan, nan, nan], [2.0, nan, 1.0]]), strategy,
          fit_X=np.array([[nan, 5.0, 1.0], [nan, 5.0, 2.0]]))


def test_no_missing_values(solution, reference):
    """Without NaN the data come back unchanged."""
    X = np.array([[1.5, -2.0], [0.0, 3.25]])
    check(solution, reference, X)
    check(solution, reference, X, "most_frequent", fit_X=np.array([[9.0, 9.0]]))


def test_unknown_strategy_raises(solution, reference):
    """An unknown strategy raises ValueError."""
    X = np.array([[1.0, nan], [2.0, 3.0]])
    try:
        call(solution.impute, X, strategy="average")
    except ValueError:
        return
    fail("returned a result for strategy='average'; raise ValueError for an unknown strategy.")


def test_inputs_not_modified(solution, reference):
    """X and fit_X keep their NaN: a filled copy is returned (checked by the grader on every call)."""
    X = np.array([[1.0, nan], [nan, 4.0], [3.0, 2.0]])
    check(solution, reference, X, "mean")
    check(solution, reference, X, "median", fit_X=np.array([[0.0, nan], [2.0, 6.0]]))


def speed_case():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100_000, 6))
    X[rng.random(X.shape) < 0.1] = nan
    return {"function": "impute", "args": (X,), "kwargs": {"strategy": "mean"}}
