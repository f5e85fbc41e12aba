"""Hidden tests for `one_hot_columns`, graded against `pd.get_dummies(df, columns=..., dtype=int)`.

Column names and order, row order and index labels must match the reference. Cells are compared
by position (numbers with RTOL=1e-9, ATOL=1e-9, strings exactly); the indicator columns must have
an integer dtype (any width; bool and float are rejected, as the task says).
"""

import numpy as np
import pandas as pd
import pytest

from mlprep.drillkit import GradingFailure, call, fail
from mlprep.drillkit_pandas import assert_frame, with_input

RTOL, ATOL = 1e-9, 1e-9


def check(solution, reference, df, columns):
    expected = reference.one_hot_columns(df.copy(), list(columns))
    got = call(solution.one_hot_columns, df, list(columns))
    try:
        assert_frame(got, expected)
        for name in [c for c in expected.columns if c not in df.columns or c in columns]:
            dtype = got[name].dtype
            if not pd.api.types.is_integer_dtype(dtype):
                fail(f"the indicator column {name!r} has dtype {dtype}; the indicators must be 0/1 integers "
                     "(pd.get_dummies returns bool unless you pass dtype=int).", expected=expected, got=got)
    except GradingFailure as exc:
        raise with_input(exc, df=df) from None


def random_frame(rng, n_rows):
    """Text and integer categorical columns, plus numeric and text columns that are not encoded."""
    data = {"price": rng.normal(100, 20, n_rows).round(2)}
    for j in range(int(rng.integers(1, 4))):
        vocab = rng.choice(["red", "Blue", "green", "amber", "navy blue", "x_y"], int(rng.integers(1, 6)),
                           replace=False)
        col = pd.Series(rng.choice(vocab, n_rows))
        data[f"cat{j}"] = col.mask(rng.random(n_rows) < rng.choice([0.0, 0.2]))
    data["rooms"] = rng.choice([1, 2, 3, 10, 12, 25], n_rows)
    data["note"] = rng.choice(["ok", "check"], n_rows)  # text that is never listed in `columns`
    frame = pd.DataFrame(data).set_axis(rng.permutation(n_rows) * 3 + 7, axis=0)
    return frame[rng.permutation(frame.columns)]


def test_worked_example(solution, reference):
    """The example from the task."""
    df = pd.DataFrame({"color": ["red", "blue", None, "red"], "rooms": [2, 10, 1, 2],
                       "price": [9.5, 12.0, 7.0, 10.0]})
    check(solution, reference, df, ["color", "rooms"])


def test_indicators_are_integers(solution, reference):
    """The indicator columns hold 0/1 integers, not True/False."""
    df = pd.DataFrame({"size": ["S", "M", "L", "M"], "qty": [1, 2, 3, 4]})
    check(solution, reference, df, ["size"])


def test_original_column_is_replaced(solution, reference):
    """The encoded column itself disappears from the result."""
    df = pd.DataFrame({"city": ["Oslo", "Rome", "Oslo"]})
    check(solution, reference, df, ["city"])


def test_every_category_gets_a_column(solution, reference):
    """All values get an indicator, including the first one (no drop_first)."""
    df = pd.DataFrame({"grade": ["b", "a", "c", "a", "b"], "score": [1.0, 2.0, 3.0, 4.0, 5.0]})
    check(solution, reference, df, ["grade"])


def test_only_listed_columns_are_encoded(solution, reference):
    """Text columns that are not in `columns` stay as they are."""
    df = pd.DataFrame({"name": ["ann", "bob", "cy"], "team": ["x", "y", "x"], "dept": ["ops", "ops", "dev"]})
    check(solution, reference, df, ["team"])


def test_values_sorted_not_in_order_of_appearance(solution, reference):
    """Indicators of one column are in sorted order of the values, not first appearance."""
    df = pd.DataFrame({"fruit": ["pear", "fig", "apple", "pear", "kiwi"]})
    check(solution, reference, df, ["fruit"])


def test_integer_values_sorted_numerically(solution, reference):
    """Integer categories sort as numbers: rooms_2 before rooms_10."""
    df = pd.DataFrame({"rooms": [10, 2, 1, 2, 30, 3], "area": [90.0, 40.0, 20.0, 45.0, 200.0, 60.0]})
    check(solution, reference, df, ["rooms"])


def test_missing_values_are_all_zero(solution, reference):
    """A missing value gets 0 in every indicator; there is no column for NaN."""
    df = pd.DataFrame({"color": ["red", None, "blue", np.nan, "red"], "n": [1, 2, 3, 4, 5]})
    check(solution, reference, df, ["color"])


def test_order_of_columns_argument(solution, reference):
    """Indicator groups follow the order of `columns`, not the column order of df."""
    df = pd.DataFrame({"a": ["p", "q", "p"], "b": ["u", "v", "w"], "c": [1.5, 2.5, 3.5], "d": ["k", "k", "m"]})
    check(solution, reference, df, ["d", "a"])


def test_keeps_the_index(solution, reference):
    """A non-default index is kept: the indicators line up with their rows."""
    df = pd.DataFrame({"kind": ["cat", "dog", "cat", "bird"], "age": [3, 5, 1, 2]}, index=[40, 10, 30, 20])
    check(solution, reference, df, ["kind"])


def test_names_with_spaces_and_underscores(solution, reference):
    """Names are exactly "<col>_<value>", whatever the value contains."""
    df = pd.DataFrame({"home_city": ["New York", "Los Angeles", "New York"], "y": [0, 1, 0]})
    check(solution, reference, df, ["home_city"])


def test_single_value_column(solution, reference):
    """A column with one distinct value gives a single column of ones."""
    df = pd.DataFrame({"flag": ["on", "on", "on"], "v": [1, 2, 3]})
    check(solution, reference, df, ["flag"])


def test_no_columns_to_encode(solution, reference):
    """An empty `columns` list returns the data unchanged."""
    df = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]}, index=[5, 3])
    check(solution, reference, df, [])


def test_input_not_modified(solution, reference):
    """df keeps its columns (no indicator columns added to the caller's DataFrame)."""
    df = pd.DataFrame({"color": ["red", "blue", "red"], "n": [1, 2, 3]})
    check(solution, reference, df, ["color"])


@pytest.mark.parametrize("seed", range(5))
def test_random_frames(solution, reference, seed):
    """Seeded random DataFrames: several categorical columns encoded in a random order."""
    rng = np.random.default_rng(seed)
    df = random_frame(rng, int(rng.integers(1, 40)))
    candidates = [c for c in df.columns if c.startswith("cat") or c == "rooms"]
    columns = list(rng.permutation(candidates)[:int(rng.integers(1, len(candidates) + 1))])
    check(solution, reference, df, [str(c) for c in columns])


def speed_case():
    rng = np.random.default_rng(0)
    n = 20_000
    df = pd.DataFrame({"c1": rng.choice([f"v{i}" for i in range(10)], n), "c2": rng.integers(0, 12, n),
                       "x": rng.normal(size=n)})
    return {"function": "one_hot_columns", "args": (df, ["c1", "c2"])}
