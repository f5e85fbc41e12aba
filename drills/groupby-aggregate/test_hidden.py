"""Hidden tests for `summarize`, graded against `df.groupby(by)[target].agg([...])`.

The result must have the columns count, mean, min, max (in this order) and one row per
non-missing key, labelled by the key, sorted. Cells are compared by position with RTOL=1e-9,
ATOL=1e-9 (NaN must match NaN); the index name and the dtypes are not checked.
"""

import numpy as np
import pandas as pd
import pytest

from mlprep.drillkit import GradingFailure, call
from mlprep.drillkit_pandas import assert_frame, with_input

RTOL, ATOL = 1e-9, 1e-9


def check(solution, reference, df, by, target):
    expected = reference.summarize(df.copy(), by, target)
    got = call(solution.summarize, df, by, target)
    try:
        assert_frame(got, expected)
    except GradingFailure as exc:
        raise with_input(exc, df=df) from None


def test_worked_example(solution, reference):
    """The example from the task."""
    df = pd.DataFrame({"team": ["b", "a", "b", "a", "c", None], "score": [3.0, 1.0, np.nan, 5.0, np.nan, 9.0]})
    check(solution, reference, df, "team", "score")


def test_count_skips_missing_values(solution, reference):
    """count is the number of non-missing values, not the number of rows."""
    df = pd.DataFrame({"k": ["x", "x", "x", "y", "y"], "v": [1.0, np.nan, np.nan, 2.0, 4.0]})
    check(solution, reference, df, "k", "v")


def test_missing_values_are_skipped_not_zero(solution, reference):
    """NaN is skipped by mean and min; it is not a 0."""
    df = pd.DataFrame({"k": ["p", "p", "p", "q"], "v": [10.0, np.nan, 20.0, 5.0]})
    check(solution, reference, df, "k", "v")


def test_group_with_only_missing_values(solution, reference):
    """A group whose values are all NaN stays, with count 0 and NaN statistics."""
    df = pd.DataFrame({"k": ["a", "b", "b", "c"], "v": [1.0, np.nan, np.nan, -2.0]})
    check(solution, reference, df, "k", "v")


def test_missing_keys_are_ignored(solution, reference):
    """Rows whose key is None or NaN belong to no group."""
    df = pd.DataFrame({"k": [None, "a", np.nan, "a", "b"], "v": [100.0, 1.0, 200.0, 3.0, 7.0]})
    check(solution, reference, df, "k", "v")


def test_groups_sorted_by_key(solution, reference):
    """Groups are sorted by key, not listed in order of first appearance."""
    df = pd.DataFrame({"city": ["rome", "oslo", "lima", "oslo", "rome", "berlin"],
                       "temp": [20.0, 5.0, 18.0, 7.0, 22.0, 9.0]})
    check(solution, reference, df, "city", "temp")


def test_integer_keys_sorted_numerically(solution, reference):
    """Integer keys sort as numbers: 2 before 10."""
    df = pd.DataFrame({"store": [10, 2, 1, 10, 2, 30], "sales": [5.0, 3.0, 4.0, 7.0, np.nan, 1.0]})
    check(solution, reference, df, "store", "sales")


def test_integer_target(solution, reference):
    """An integer target column: min and max are the integers, mean a float."""
    df = pd.DataFrame({"g": ["a", "b", "a", "b", "b"], "n": [1, 4, 2, 8, 9]})
    check(solution, reference, df, "g", "n")


def test_other_columns_are_ignored(solution, reference):
    """Only `target` is aggregated, whatever other columns df has."""
    df = pd.DataFrame({"extra": [9.0, 8.0, 7.0, 6.0], "dept": ["ops", "dev", "ops", "dev"],
                       "salary": [50.0, 70.0, 55.0, 90.0], "name": ["a", "b", "c", "d"]})
    check(solution, reference, df, "dept", "salary")


def test_single_group(solution, reference):
    """Every row has the same key: a single row of statistics."""
    df = pd.DataFrame({"k": ["same"] * 5, "v": [3.0, -1.0, 4.0, np.nan, 1.5]})
    check(solution, reference, df, "k", "v")


def test_one_row_per_group(solution, reference):
    """Every key appears once: count 1, mean = min = max."""
    df = pd.DataFrame({"id": [3, 1, 2], "v": [0.5, 1.5, 2.5]})
    check(solution, reference, df, "id", "v")


@pytest.mark.parametrize("seed", range(5))
def test_random_frames(solution, reference, seed):
    """Seeded random data: 1-200 rows, a few to many groups, missing keys and values."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 201))
    n_keys = int(rng.integers(1, 25))
    keys = pd.Series(rng.choice([f"g{i:02d}" for i in range(n_keys)], n)).mask(rng.random(n) < 0.1)
    values = pd.Series(rng.normal(50, 20, n)).mask(rng.random(n) < rng.choice([0.0, 0.3, 0.7]))
    check(solution, reference, pd.DataFrame({"key": keys, "value": values}), "key", "value")


def test_many_integer_groups(solution, reference):
    """Hundreds of rows, integer keys, a few all-missing groups."""
    rng = np.random.default_rng(77)
    n = 500
    keys = rng.integers(0, 60, n)
    values = rng.exponential(10, n)
    values[np.isin(keys, [5, 17, 42])] = np.nan
    check(solution, reference, pd.DataFrame({"grp": keys, "amount": values}), "grp", "amount")


def speed_case():
    rng = np.random.default_rng(0)
    n = 50_000
    df = pd.DataFrame({"key": rng.integers(0, 1000, n),
                       "value": pd.Series(rng.normal(size=n)).mask(rng.random(n) < 0.1)})
    return {"function": "summarize", "args": (df, "key", "value")}
