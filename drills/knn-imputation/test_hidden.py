"""Hidden tests for `knn_impute`. Tolerance: RTOL=1e-9, ATOL=1e-12 (means of k donor values:
float64 rounding only). Observed entries must come back exactly. Test data have at least one
complete row, no all-NaN row and no distance ties at the k-th neighbour.
"""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail, short_repr

RTOL, ATOL = 1e-9, 1e-12
nan = np.nan


def nearest_donors(X, i, k):
    """Row indices (into X) of the k nearest complete rows to row i, over its observed columns."""
    complete = np.flatnonzero(~np.isnan(X).any(axis=1))
    obs = ~np.isnan(X[i])
    dist = np.sqrt(((X[complete][:, obs] - X[i, obs]) ** 2).sum(axis=1))
    return complete[np.argsort(dist)[:min(k, len(complete))]]


def check(solution, reference, X, k=None):
    kwargs = {} if k is None else {"k": k}
    expected = reference.knn_impute(X.copy(), **kwargs)
    got = call(solution.knn_impute, X, **kwargs)
    arr = as_array(got)
    if arr.shape != X.shape:
        fail(f"expected an array of shape {X.shape} (the same shape as X), got shape {arr.shape}.", got=got)
    if np.isnan(arr).any():
        i, j = (int(v) for v in np.argwhere(np.isnan(arr))[0])
        fail(f"the result still has NaN at X[{i}, {j}]: every missing entry must be filled.", got=got)
    observed = ~np.isnan(X)
    if not np.array_equal(arr[observed], X[observed]):
        i, j = (int(v) for v in np.argwhere(observed & (arr != np.where(observed, X, 0)))[0])
        fail(f"X[{i}, {j}] was observed ({X[i, j]:g}) but came back as {arr[i, j]:g}: observed values "
             "(and complete rows) must be left as they are.", got=got)
    wrong = ~np.isclose(arr, expected, rtol=RTOL, atol=ATOL)
    if wrong.any():
        i, j = (int(v) for v in np.argwhere(wrong)[0])
        rows = nearest_donors(X, i, 3 if k is None else k)
        fail(f"X[{i}, {j}] was filled with {arr[i, j]:.6g}, expected {expected[i, j]:.6g}: the mean of column {j} "
             f"over the nearest complete rows {rows.tolist()} (row {i} is {short_repr(X[i])}; distances use only "
             "its observed columns).",
             expected=expected, got=got)
    assert_close(arr, expected, rtol=RTOL, atol=ATOL, what="the imputed data")


def random_with_gaps(rng, n, d, frac_rows=0.25):
    X = rng.normal(0, 3, size=(n, d))
    rows = rng.choice(n, size=max(1, int(frac_rows * n)), replace=False)
    for i in rows:
        cols = rng.choice(d, size=int(rng.integers(1, d)), replace=False)  # never the whole row
        X[i, cols] = nan
    return X


def test_worked_example(solution, reference):
    """The example from the task: k = 2, one gap filled from rows 0 and 1."""
    X = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 4.0], [9.0, 9.0, 9.0], [1.1, nan, 3.2]])
    check(solution, reference, X, 2)


def test_no_missing_values(solution, reference):
    """Without NaN the data come back unchanged."""
    check(solution, reference, np.random.default_rng(1).normal(size=(6, 3)), 2)


def test_distance_uses_observed_columns_only(solution, reference):
    """Row 4 misses column 1: the donors' (large) column-1 values must not enter the distance."""
    X = np.array([[0.0, 50.0, 0.0], [0.4, 0.0, 0.3], [5.0, 1.0, 5.0], [6.0, 0.5, 5.5], [0.1, nan, 0.1]])
    check(solution, reference, X, 1)
    check(solution, reference, X, 2)


def test_neighbours_not_column_mean(solution, reference):
    """Two well-separated groups: a gap is filled from its own group, not from the whole column."""
    X = np.array([[0.0, 0.0, 1.0], [0.5, 0.2, 1.2], [0.1, 0.4, 0.8], [10.0, 10.0, 50.0], [10.5, 9.8, 52.0],
                  [9.7, 10.2, 49.0], [0.3, 0.1, nan], [10.1, 10.1, nan]])
    check(solution, reference, X, 3)


def test_mean_of_neighbours_not_median(solution, reference):
    """k = 3 with skewed donor values: the mean differs from the median."""
    X = np.array([[0.0, 1.0], [0.3, 2.0], [0.5, 30.0], [4.0, -7.0], [0.1, nan]])
    check(solution, reference, X, 3)


def test_donors_are_complete_rows_only(solution, reference):
    """An incomplete row observing the column is nearer, but only complete rows may donate."""
    X = np.array([[0.0, 0.0, 5.0], [3.0, 3.0, 1.0], [4.0, 3.5, 2.0], [0.1, nan, nan], [0.05, 0.05, nan]])
    check(solution, reference, X, 1)


def test_fewer_complete_rows_than_k(solution, reference):
    """Only 2 complete rows and k = 5: both are used."""
    X = np.array([[1.0, 2.0, 3.0], [4.0, 8.0, 6.0], [1.5, nan, 3.0], [nan, 7.0, 5.0], [2.0, 2.0, nan]])
    check(solution, reference, X, 5)


def test_k_equals_number_of_complete_rows(solution, reference):
    """k equals the number of complete rows: every gap gets the mean over all of them."""
    X = np.array([[1.0, 2.0], [3.0, 5.0], [2.0, 9.0], [nan, 4.0], [2.5, nan]])
    check(solution, reference, X, 3)


def test_several_gaps_per_row(solution, reference):
    """Rows missing different columns (1 or 2 of 4) are each measured on their own observed columns."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(12, 4))
    X[8, [0, 2]] = nan
    X[9, 1] = nan
    X[10, [1, 2]] = nan
    X[11, 3] = nan
    check(solution, reference, X, 3)


@pytest.mark.parametrize("k", [1, 2, 4])
def test_uses_k_argument(solution, reference, k):
    """k decides how many donors are averaged."""
    check(solution, reference, random_with_gaps(np.random.default_rng(4), 20, 3), k)


def test_default_k_is_three(solution, reference):
    """Called without k, 3 neighbours are used."""
    check(solution, reference, random_with_gaps(np.random.default_rng(5), 15, 3))


@pytest.mark.parametrize("seed", range(4))
def test_random_data(solution, reference, seed):
    """Seeded random data of several shapes with gaps in about a quarter of the rows."""
    rng = np.random.default_rng(1000 + seed)
    n, d = int(rng.integers(10, 60)), int(rng.integers(2, 7))
    check(solution, reference, random_with_gaps(rng, n, d), int(rng.integers(1, 6)))


def test_many_complete_rows(solution, reference):
    """400 complete rows, k = 1 and k = 5: exactly the nearest donors are used."""
    X = random_with_gaps(np.random.default_rng(6), 440, 3, frac_rows=0.05)
    check(solution, reference, X, 1)
    check(solution, reference, X, 5)


@pytest.mark.parametrize("offset", [1e6, 1e7, 1e8])
def test_large_offset_small_spread(solution, reference, offset):
    """Data near 1e6, 1e7, 1e8 with a spread of about 1: the same donors as near 0 (distances from
    the differences themselves; the expanded form x² - 2xy + y² cancels and picks the wrong ones)."""
    rng = np.random.default_rng(int(np.log10(offset)))
    X = random_with_gaps(rng, 40, 3, frac_rows=0.2) / 3 + offset
    check(solution, reference, X, 3)
    check(solution, reference, X, 1)


def test_input_not_modified(solution, reference):
    """X keeps its NaN: the gaps are filled in a copy (checked on every call)."""
    check(solution, reference, np.array([[1.0, 2.0], [3.0, 1.0], [0.0, 0.5], [1.2, nan], [nan, 0.9]]), 2)


def speed_case():
    # Many donors, few incomplete rows (160 rows with gaps, 3,840 complete): the double loop sorts
    # every row's list of donor distances in Python. The reference takes about 15-20 ms of CPU.
    X = random_with_gaps(np.random.default_rng(0), 4000, 6, frac_rows=0.04)
    return {"function": "knn_impute", "args": (X,), "kwargs": {"k": 5}}
