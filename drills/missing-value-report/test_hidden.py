"""Hidden tests for `missing_report`, graded against a pandas reference on generated DataFrames.

The returned DataFrame must have the columns `missing`, `percent` (in that order) and one row per
column of `df`, labelled by column name, in the required order. Cells are compared by position:
`missing` exactly (any integer or float dtype), `percent` with RTOL=1e-9, ATOL=1e-9. The index
name and dtypes are not checked.
"""

import numpy as np
import pandas as pd
import pytest

from mlprep.drillkit import GradingFailure, call
from mlprep.drillkit_pandas import assert_frame, with_input

RTOL, ATOL = 1e-9, 1e-9


def check(solution, reference, df):
    expected = reference.missing_report(df.copy())
    got = call(solution.missing_report, df)
    try:
        assert_frame(got, expected)
    except GradingFailure as exc:
        raise with_input(exc, df=df) from None


def random_frame(rng, n_rows, n_cols):
    """Columns of several dtypes with a random share of missing values each."""
    names = rng.permutation([f"{a}{b}" for a in "abcdefgh" for b in ("", "_x", "_y")])[:n_cols]
    data = {}
    for name in names:
        p = rng.choice([0.0, 0.0, 0.1, 0.3, 0.5, 0.9, 1.0])
        gone = rng.random(n_rows) < p
        kind = rng.integers(0, 5)
        if kind == 0:
            col = pd.Series(rng.normal(size=n_rows)).mask(gone)
        elif kind == 1:
            col = pd.Series(rng.choice(["a", "b", "", "c"], n_rows)).mask(gone)
        elif kind == 2:
            col = pd.Series(rng.choice(["u", "v", 3], n_rows).tolist(), dtype=object).mask(gone)
        elif kind == 3:
            col = pd.Series(pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 99, n_rows), "D"))
            col = col.mask(gone)
        else:
            col = pd.Series(rng.integers(0, 5, n_rows))  # integer columns cannot hold NaN: never missing
        data[str(name)] = col
    return pd.DataFrame(data)


def test_worked_example(solution, reference):
    """The example from the task: age 2 (50%), city 1 (25%), id 0 (0%)."""
    df = pd.DataFrame({"id": [1, 2, 3, 4], "city": ["Paris", None, "Oslo", "Rome"],
                       "age": [25, np.nan, 40, np.nan]})
    check(solution, reference, df)


def test_ties_are_ordered_by_column_name(solution, reference):
    """Columns with the same count are sorted by name, not kept in the DataFrame's column order."""
    df = pd.DataFrame({"zeta": [1.0, np.nan, 3.0], "mid": [np.nan, 2.0, 3.0], "alpha": [1.0, 2.0, np.nan],
                       "beta": [1.0, 2.0, 3.0], "omega": [np.nan, np.nan, 3.0], "delta": ["x", "y", "z"]})
    check(solution, reference, df)


def test_no_missing_values(solution, reference):
    """A complete DataFrame: every column appears with 0 and 0.0, sorted by name."""
    df = pd.DataFrame({"c": [1, 2], "a": ["x", "y"], "b": [0.5, 1.5]})
    check(solution, reference, df)


def test_complete_columns_are_included(solution, reference):
    """Columns without missing values are listed too, after the others."""
    df = pd.DataFrame({"full": [1.0, 2.0, 3.0, 4.0], "gaps": [np.nan, 1.0, np.nan, 2.0], "text": list("abcd")})
    check(solution, reference, df)


def test_entirely_missing_column(solution, reference):
    """A column that is all NaN/None is 100 percent missing."""
    df = pd.DataFrame({"empty": [np.nan] * 5, "none": pd.Series([None] * 5, dtype=object),
                       "half": [1.0, np.nan, 3.0, np.nan, 5.0]})
    check(solution, reference, df)


def test_none_in_text_columns_is_missing(solution, reference):
    """None counts as missing in string and object columns; "" and 0 do not."""
    df = pd.DataFrame({"name": ["ann", None, "", "bob", None], "code": pd.Series([0, None, "x", 0, ""], dtype=object),
                       "score": [0.0, 0.0, np.nan, 1.0, 2.0]})
    check(solution, reference, df)


def test_missing_dates(solution, reference):
    """NaT in a datetime column counts as missing."""
    dates = pd.to_datetime(["2024-01-01", None, "2024-03-01", None, None, "2024-06-01"])
    df = pd.DataFrame({"when": dates, "n": [1, 2, 3, 4, 5, 6], "flag": [True, False, True, True, False, True]})
    check(solution, reference, df)


def test_percent_is_relative_to_the_number_of_rows(solution, reference):
    """1 missing value out of 3 rows is 33.33...%, not a fraction and not 1 / 2 (non-missing)."""
    df = pd.DataFrame({"x": [1.0, np.nan, 3.0], "y": [np.nan, np.nan, 3.0]})
    check(solution, reference, df)


def test_single_row(solution, reference):
    """One row: each column is either 0% or 100% missing."""
    df = pd.DataFrame({"b": [np.nan], "a": ["here"], "c": [None]})
    check(solution, reference, df)


def test_single_column(solution, reference):
    """One column: a one-row report."""
    check(solution, reference, pd.DataFrame({"only": [np.nan, 2.0, np.nan, 4.0, 5.0, 6.0, 7.0]}))


@pytest.mark.parametrize("seed", range(6))
def test_random_frames(solution, reference, seed):
    """Seeded random DataFrames: mixed dtypes, 1-80 rows, 1-12 columns, many ties."""
    rng = np.random.default_rng(seed)
    check(solution, reference, random_frame(rng, int(rng.integers(1, 81)), int(rng.integers(1, 13))))


def test_many_columns(solution, reference):
    """24 columns with counts in a small range, so most counts are shared by several columns."""
    rng = np.random.default_rng(42)
    check(solution, reference, random_frame(rng, 9, 24))


def speed_case():
    rng = np.random.default_rng(0)
    n = 20_000
    data = {f"num{j}": pd.Series(rng.normal(size=n)).mask(rng.random(n) < 0.1 * (j % 4)) for j in range(10)}
    data.update({f"txt{j}": pd.Series(rng.choice(["a", "b", "c"], n)).mask(rng.random(n) < 0.05 * j)
                 for j in range(10)})
    return {"function": "missing_report", "args": (pd.DataFrame(data),)}
