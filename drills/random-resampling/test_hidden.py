"""Hidden tests for `random_oversample` and `random_undersample`. Resampling is random, so
properties are graded: every output row is an input row with its own label (rows of X are
distinct in the tests, so each output row identifies its source row), class counts, all originals
kept once (oversampling), no row twice (undersampling), extra rows spread over the class, the
same result for the same seed and different results for different seeds (collision
probabilities below 1e-9; spread checks have more than 5 standard deviations of slack)."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, call, fail, short_repr


def resample(solution, name, X, y, seed):
    """Call the user's function; return the source index of every output row (checked)."""
    fn = getattr(solution, name)
    got = call(fn, X, y, seed=seed)
    if got is None:
        fail("returned None. Did you forget a `return` statement? Return (X_res, y_res).")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a tuple (X_res, y_res).", got=got)
    X_res, y_res = as_array(got[0], what="X_res:"), np.asarray(got[1])
    X, y = np.asarray(X), np.asarray(y)
    if X_res.ndim != 2 or X_res.shape[1] != X.shape[1]:
        fail(f"X_res has shape {X_res.shape}; expected (m, {X.shape[1]}).", got=got[0])
    if y_res.shape != (len(X_res),):
        fail(f"y_res has shape {y_res.shape} but X_res has {len(X_res)} rows; expected y_res of shape "
             f"({len(X_res)},).", got=got[1])
    lookup = {row.tobytes(): j for j, row in enumerate(np.ascontiguousarray(X, dtype=float))}
    source = np.empty(len(X_res), dtype=int)
    for i, row in enumerate(np.ascontiguousarray(X_res, dtype=float)):
        j = lookup.get(row.tobytes())
        if j is None:
            fail(f"X_res[{i}] = {short_repr(row)} is not a row of X; resampling only copies existing rows.")
        if y_res[i] != y[j]:
            fail(f"X_res[{i}] is X[{j}], whose label is {y[j].item()!r}, but y_res[{i}] = {y_res[i].item()!r}: rows "
                 "and labels got separated. Index X and y with the same index array.")
        source[i] = j
    return source


def class_counts(y, source):
    y = np.asarray(y)
    return {c.item(): int(np.sum(y[source] == c)) for c in np.unique(y)}


def data(seed, counts, labels=None, d=2):
    """Distinct random rows with the given class sizes, in shuffled order."""
    rng = np.random.default_rng(seed)
    labels = list(range(len(counts))) if labels is None else labels
    y = rng.permutation(np.repeat(np.array(labels), counts))
    return rng.normal(size=(len(y), d)).round(6), y


def check_oversample(solution, X, y, seed):
    source = resample(solution, "random_oversample", X, y, seed)
    y = np.asarray(y)
    _, counts = np.unique(y, return_counts=True)
    got = class_counts(y, source)
    if any(v != counts.max() for v in got.values()):
        fail(f"after oversampling the class counts are {got}; every class should have the majority count "
             f"{counts.max()}.")
    lost = np.setdiff1d(np.arange(len(y)), source)
    if lost.size:
        fail(f"the original rows {short_repr(lost[:10])} are missing; oversampling keeps every original row "
             "and only adds copies.")
    return source


def check_undersample(solution, X, y, seed):
    source = resample(solution, "random_undersample", X, y, seed)
    y = np.asarray(y)
    _, counts = np.unique(y, return_counts=True)
    got = class_counts(y, source)
    if any(v != counts.min() for v in got.values()):
        fail(f"after undersampling the class counts are {got}; every class should have the minority count "
             f"{counts.min()}.")
    values, reps = np.unique(source, return_counts=True)
    if np.any(reps > 1):
        fail(f"the rows {short_repr(values[reps > 1][:10])} appear more than once; undersampling draws "
             "without replacement.")
    return source


def test_worked_example(solution, reference):
    """The example from the task: 4 vs 2 rows, oversampled to 4 + 4 and undersampled to 2 + 2."""
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0, 0, 0, 0, 1, 1])
    check_oversample(solution, X, y, 0)
    check_undersample(solution, X, y, 0)


@pytest.mark.parametrize("seed,counts", [(1, [30, 7]), (2, [5, 40, 12]), (3, [9, 9, 2, 20])])
def test_oversample_class_counts(solution, reference, seed, counts):
    """Every class reaches the majority count; all originals are kept; rows keep their labels."""
    X, y = data(seed, counts)
    check_oversample(solution, X, y, seed)


@pytest.mark.parametrize("seed,counts", [(4, [30, 7]), (5, [5, 40, 12]), (6, [9, 9, 2, 20])])
def test_undersample_class_counts(solution, reference, seed, counts):
    """Every class shrinks to the minority count, without repeating a row."""
    X, y = data(seed, counts)
    check_undersample(solution, X, y, seed)


def test_oversample_needs_replacement(solution, reference):
    """A 2-row class must grow to 25 rows: the extra rows are drawn with replacement."""
    X, y = data(7, [25, 2])
    check_oversample(solution, X, y, 7)


def test_oversample_majority_unchanged(solution, reference):
    """Majority rows appear exactly once; extra copies only come from the smaller classes."""
    X, y = data(8, [12, 4, 12])
    source = check_oversample(solution, X, y, 8)
    reps = np.bincount(source, minlength=len(y))
    majority = np.flatnonzero(np.isin(y, [0, 2]))
    if np.any(reps[majority] != 1):
        fail(f"majority-class rows {short_repr(majority[reps[majority] != 1][:10])} were duplicated; only the "
             "smaller classes get extra rows.")


def test_oversample_copies_spread_over_class(solution, reference):
    """505 vs 5 rows: the 500 extra rows are spread over all 5 minority rows (about 100 each)."""
    X, y = data(9, [505, 5])
    source = check_oversample(solution, X, y, 9)
    minority = np.flatnonzero(y == 1)
    copies = np.bincount(source, minlength=len(y))[minority] - 1
    if copies.min() < 50:
        fail(f"the 5 minority rows got {copies.tolist()} extra copies; drawing uniformly with replacement "
             "gives about 100 each.")


def test_undersample_subsets_vary(solution, reference):
    """Over 20 seeds, the kept majority rows vary and cover most of the class (random subsets)."""
    X, y = data(10, [100, 10])
    majority = set(np.flatnonzero(y == 0).tolist())
    seen = set()
    for s in range(20):
        seen |= set(check_undersample(solution, X, y, 100 + s).tolist()) & majority
    if len(seen) < 70:
        fail(f"over 20 seeds only {len(seen)} of the 100 majority rows were ever kept; keep a uniformly "
             "random subset (rng.choice(..., replace=False)), not the same or the first rows.")


def test_string_labels(solution, reference):
    """String labels work for both functions."""
    X, y = data(11, [6, 15, 3], labels=["cat", "dog", "emu"])
    check_oversample(solution, X, y, 11)
    check_undersample(solution, X, y, 11)


def test_list_labels(solution, reference):
    """y may be a plain list."""
    X, y = data(12, [4, 9])
    check_oversample(solution, X, [int(v) for v in y], 12)
    check_undersample(solution, X, [int(v) for v in y], 12)


def test_already_balanced(solution, reference):
    """Balanced classes: oversampling adds nothing and undersampling removes nothing."""
    X, y = data(13, [8, 8])
    for name, check in (("oversample", check_oversample), ("undersample", check_undersample)):
        source = check(solution, X, y, 13)
        if len(source) != 16:
            fail(f"random_{name} returned {len(source)} rows for two balanced classes of 8; expected all 16.")


def test_single_class(solution, reference):
    """One class only: both functions return every row once."""
    X, y = data(14, [7])
    check_oversample(solution, X, y, 14)
    check_undersample(solution, X, y, 14)


@pytest.mark.parametrize("name", ["random_oversample", "random_undersample"])
def test_same_seed_same_result(solution, reference, name):
    """The same seed reproduces the same resampled rows."""
    X, y = data(15, [40, 9, 15])
    a = np.sort(resample(solution, name, X, y, 77))
    b = np.sort(resample(solution, name, X, y, 77))
    if not np.array_equal(a, b):
        fail(f"two calls of {name} with seed=77 chose different rows; draw every random number from "
             "np.random.default_rng(seed).")


@pytest.mark.parametrize("name", ["random_oversample", "random_undersample"])
def test_different_seeds_different_results(solution, reference, name):
    """Seeds 0..3 choose four different sets of rows; seed=None differs between calls."""
    X, y = data(16, [40, 9, 15])
    runs = {tuple(np.sort(resample(solution, name, X, y, s)).tolist()) for s in range(4)}
    if len(runs) < 4:
        fail(f"different seeds gave the same rows in {name}; seed the generator with `seed`.")
    a = np.sort(resample(solution, name, X, y, None))
    b = np.sort(resample(solution, name, X, y, None))
    if np.array_equal(a, b):
        fail(f"two calls of {name} with seed=None chose the same rows; without a seed use fresh randomness.")


def test_inputs_not_modified(solution, reference):
    """X and y are left untouched (checked by the grader on every call)."""
    X, y = data(17, [10, 3])
    check_oversample(solution, X, y, 17)
    check_undersample(solution, X, y, 17)


def speed_case():
    X, y = data(0, [150_000, 30_000, 20_000], d=4)
    return {"function": "random_oversample", "args": (X, y), "kwargs": {"seed": 0}}
