"""Hidden tests for `clean_and_impute`, graded against a pandas reference on generated DataFrames.

The columns (names and order) and the rows (order, index labels; a fresh 0..n-1 index is also
accepted) must match the reference. Cells are compared by position: numbers with RTOL=1e-9,
ATOL=1e-9 whatever their dtype, strings exactly, and no missing value may remain.
"""

import numpy as np
import pandas as pd
import pytest

from mlprep.drillkit import GradingFailure, call
from mlprep.drillkit_pandas import assert_frame, with_input

RTOL, ATOL = 1e-9, 1e-9


def check(solution, reference, df):
    expected = reference.clean_and_impute(df.copy())
    got = call(solution.clean_and_impute, df)
    try:
        assert_frame(got, expected, index="exact-or-range")
    except GradingFailure as exc:
        raise with_input(exc, df=df) from None


def random_frame(rng, n_rows):
    """Numeric and text columns with small vocabularies (duplicates, ties) and varied missingness."""
    data = {}
    for j in range(int(rng.integers(2, 7))):
        p = rng.choice([0.0, 0.15, 0.3, 0.45, 0.6, 0.8])
        gone = rng.random(n_rows) < p
        kind = int(rng.integers(0, 4))
        if kind == 0:
            data[f"num{j}"] = pd.Series(rng.integers(0, 4, n_rows) * 2.5).mask(gone)
        elif kind == 1:
            data[f"val{j}"] = pd.Series(rng.lognormal(size=n_rows)).round(1).mask(gone)
        elif kind == 2:
            data[f"int{j}"] = rng.integers(0, 3, n_rows)  # never missing: must pass through unchanged
        else:
            words = rng.choice(["red", "green", "blue", "amber"], n_rows)
            col = pd.Series(words, dtype=object if j % 2 else "str")
            data[f"txt{j}"] = col.mask(gone)
    frame = pd.DataFrame(data)
    repeats = frame.iloc[rng.integers(0, n_rows, n_rows // 3)]  # exact duplicates, shuffled in
    frame = pd.concat([frame, repeats]).sample(frac=1.0, random_state=int(rng.integers(1000)))
    return frame.set_axis(rng.permutation(len(frame)) + 100, axis=0)


def test_worked_example(solution, reference):
    """The example from the task."""
    df = pd.DataFrame({"age": [30, np.nan, 30, 50, 20, 90],
                       "city": ["Rome", "Oslo", "Rome", None, "Oslo", "Rome"],
                       "tip": [np.nan, np.nan, np.nan, 1.0, np.nan, 2.0]})
    check(solution, reference, df)


def test_median_not_mean(solution, reference):
    """A skewed column is filled with its median (3), not its mean (26.5)."""
    df = pd.DataFrame({"income": [1.0, 2.0, np.nan, 4.0, 100.0, 3.0, np.nan], "k": range(7)})
    check(solution, reference, df)


def test_duplicates_removed_before_statistics(solution, reference):
    """Repeated rows are dropped first: the median and the missing share use the deduplicated rows."""
    df = pd.DataFrame({"x": [10.0, 10.0, 10.0, 1.0, 2.0, np.nan, 3.0],
                       "y": ["a", "a", "a", "b", None, "b", None],
                       "z": [np.nan, np.nan, np.nan, 1.0, 2.0, 3.0, np.nan]})
    check(solution, reference, df)


def test_duplicates_keep_first_occurrence(solution, reference):
    """Only exact duplicates go (missing equals missing); the first occurrence keeps its label."""
    df = pd.DataFrame({"a": [1.0, 2.0, np.nan, 1.0, np.nan, 2.0], "b": ["x", "y", "z", "x", "z", "q"]},
                      index=[50, 40, 30, 20, 10, 0])
    check(solution, reference, df)


def test_exactly_half_missing_is_kept(solution, reference):
    """2 of 4 missing (50%) is kept and imputed; 3 of 4 (75%) is dropped."""
    df = pd.DataFrame({"half": [1.0, np.nan, 5.0, np.nan], "most": [np.nan, np.nan, 7.0, np.nan],
                       "text_half": [None, "b", None, "a"], "id": [1, 2, 3, 4]})
    check(solution, reference, df)


def test_just_over_half_missing_is_dropped(solution, reference):
    """3 of 5 missing (60%) is dropped; 2 of 5 (40%) is kept."""
    df = pd.DataFrame({"p60": [np.nan, 1.0, np.nan, 2.0, np.nan], "p40": [np.nan, 1.0, 8.0, 2.0, np.nan],
                       "s60": [None, None, "u", "v", None]})
    check(solution, reference, df)


def test_mode_tie_takes_smallest_value(solution, reference):
    """"pear" and "apple" are equally frequent: the smallest, "apple", fills the gaps."""
    df = pd.DataFrame({"fruit": ["pear", "apple", None, "pear", "fig", "apple", None],
                       "n": [1, 2, 3, 4, 5, 6, 7]})
    check(solution, reference, df)


def test_object_dtype_text(solution, reference):
    """Text stored with object dtype is imputed with its mode as well."""
    df = pd.DataFrame({"code": pd.Series(["b", None, "c", "b", None, "a"], dtype=object),
                       "v": [0.5, 1.5, np.nan, 2.5, 3.5, 4.5]})
    check(solution, reference, df)


def test_clean_frame_is_unchanged(solution, reference):
    """No duplicates and nothing missing: the same data comes back."""
    df = pd.DataFrame({"b": [3, 1, 2], "a": ["x", "y", "z"], "c": [0.1, 0.2, 0.3]}, index=[7, 8, 9])
    check(solution, reference, df)


def test_single_row(solution, reference):
    """One row: a missing value there is 100% missing, so its column is dropped."""
    df = pd.DataFrame({"a": [1.0], "b": [np.nan], "c": ["s"], "d": [None]})
    check(solution, reference, df)


def test_input_not_modified(solution, reference):
    """df itself is left untouched (no inplace=True, no assignment into it)."""
    df = pd.DataFrame({"x": [1.0, np.nan, 1.0, 4.0], "y": ["a", None, "a", "b"]})
    check(solution, reference, df)


@pytest.mark.parametrize("seed", range(6))
def test_random_frames(solution, reference, seed):
    """Seeded random DataFrames with duplicates, numeric and text columns, varied missingness."""
    rng = np.random.default_rng(seed)
    check(solution, reference, random_frame(rng, int(rng.integers(4, 60))))


def speed_case():
    rng = np.random.default_rng(0)
    n = 10_000
    df = pd.DataFrame({
        "a": pd.Series(rng.normal(size=n)).mask(rng.random(n) < 0.2),
        "b": pd.Series(rng.integers(0, 50, n) * 1.0).mask(rng.random(n) < 0.6),
        "c": pd.Series(rng.choice(["x", "y", "z"], n)).mask(rng.random(n) < 0.3),
        "d": rng.integers(0, 1000, n),
    })
    return {"function": "clean_and_impute", "args": (pd.concat([df, df.iloc[:1000]], ignore_index=True),)}
