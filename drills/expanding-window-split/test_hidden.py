"""Hidden tests for `expanding_window_split`: every (train_idx, test_idx) array is compared exactly
with the reference, which matches scikit-learn's TimeSeriesSplit."""

import numpy as np
import pytest

from mlprep.drillkit import assert_equal, call, fail, short_repr


def splits_of(solution, *args, **kwargs):
    got = call(solution.expanding_window_split, *args, **kwargs)
    if got is None:
        fail("returned None. Did you forget a `return` statement? Return a list of (train_idx, test_idx).")
    if not isinstance(got, (list, tuple)):
        fail(f"returned a {type(got).__name__}; return a list of (train_idx, test_idx) tuples.", got=got)
    out = []
    for i, split in enumerate(got):
        if not isinstance(split, (tuple, list)) or len(split) != 2:
            fail(f"split {i} is a {type(split).__name__}; each split must be a tuple (train_idx, test_idx).")
        pair = []
        for name, part in zip(("train_idx", "test_idx"), split):
            arr = np.asarray(part)
            if arr.ndim != 1 or (arr.size and not np.issubdtype(arr.dtype, np.integer)):
                fail(f"split {i}: {name} should be a 1-D integer array, got {short_repr(part)}.")
            pair.append(arr)
        out.append(tuple(pair))
    return out


def check(solution, reference, *args, **kwargs):
    expected = reference.expanding_window_split(*args, **kwargs)
    got = splits_of(solution, *args, **kwargs)
    if len(got) != len(expected):
        fail(f"returned {len(got)} splits; expected n_splits = {len(expected)}.")
    for i, ((tr, te), (etr, ete)) in enumerate(zip(got, expected)):
        assert_equal(te, ete, what=f"test_idx of split {i}")
        assert_equal(tr, etr, what=f"train_idx of split {i}")
    return got


def expect_value_error(solution, *args, **kwargs):
    try:
        call(solution.expanding_window_split, *args, **kwargs)
    except ValueError:
        return
    fail("returned splits; raise ValueError for these arguments.")


def test_worked_example(solution, reference):
    """The example from the task: 10 samples, 3 splits, test_size 2, blocks [4 5], [6 7], [8 9]."""
    check(solution, reference, 10, 3)


def test_worked_example_with_gap(solution, reference):
    """The example with test_size=2, gap=1: the sample before each block leaves the training set."""
    check(solution, reference, 10, 3, test_size=2, gap=1)


def test_remainder_goes_to_first_train(solution, reference):
    """n = 11, 3 splits: test_size 11 // 4 = 2, the blocks end at the last sample (5-6, 7-8, 9-10)."""
    check(solution, reference, 11, 3)
    check(solution, reference, 23, 4)


def test_default_test_size_uses_n_splits_plus_one(solution, reference):
    """test_size defaults to n_samples // (n_splits + 1)."""
    check(solution, reference, 20, 4)
    check(solution, reference, 100, 2)


def test_explicit_test_size(solution, reference):
    """An explicit test_size, smaller or larger than the default."""
    check(solution, reference, 20, 3, test_size=3)
    check(solution, reference, 20, 3, test_size=6)


@pytest.mark.parametrize("gap", [1, 2, 5])
def test_gap_shortens_train_not_test(solution, reference, gap):
    """The gap removes samples from the end of the training set; the test blocks are unchanged."""
    check(solution, reference, 30, 4, gap=gap)
    check(solution, reference, 30, 3, test_size=4, gap=gap)


def test_no_leakage_and_time_order(solution, reference):
    """Every training index comes before every test index, gap samples apart."""
    for tr, te in splits_of(solution, 50, 5, gap=3):
        if tr.size and te.size and tr.max() + 3 >= te.min():
            fail(f"train ends at {tr.max()} but the test block starts at {te.min()}; with gap=3 the last training "
                 "index must be at most start - 4.")


def test_smallest_valid_configuration(solution, reference):
    """n_samples = n_splits + 1: test_size 1, the first training set is a single sample."""
    check(solution, reference, 3, 2)
    check(solution, reference, 6, 5)


def test_first_train_of_one_sample_with_gap(solution, reference):
    """n - gap - n_splits * test_size = 1: still valid (train [0])."""
    check(solution, reference, 12, 2, test_size=5, gap=1)


@pytest.mark.parametrize("seed", range(5))
def test_random_configurations(solution, reference, seed):
    """Seeded random (n_samples, n_splits, test_size, gap) inside the contract."""
    rng = np.random.default_rng(seed)
    done = 0
    while done < 8:
        n = int(rng.integers(3, 300))
        k = int(rng.integers(2, min(n - 1, 12) + 1))
        ts = None if rng.random() < 0.5 else int(rng.integers(1, max(2, n // k)))
        size = n // (k + 1) if ts is None else ts
        gap = int(rng.integers(0, 4))
        if n - gap - k * size <= 0:
            continue
        check(solution, reference, n, k, test_size=ts, gap=gap)
        done += 1


@pytest.mark.parametrize("args", [(10, 1), (10, 0), (3, 3), (5, 10), (10, 3, 4), (10, 2, 4, 2), (10, 3, 3, 1),
                                  (10, 3, None, 4), (10, 3, 0), (10, 3, None, -1)])
def test_invalid_arguments_raise(solution, reference, args):
    """n_splits < 2, n_splits + 1 > n_samples, an empty first training set, test_size < 1 or gap < 0."""
    n, k, *rest = args
    kwargs = dict(zip(("test_size", "gap"), rest))
    expect_value_error(solution, n, k, **kwargs)


def test_returns_list_of_integer_arrays(solution, reference):
    """A list of n_splits (train_idx, test_idx) tuples of integer arrays."""
    got = call(solution.expanding_window_split, 12, 3)
    if not isinstance(got, list):
        fail(f"returned a {type(got).__name__}; return a list.", got=got)
    check(solution, reference, 12, 3)


def speed_case():
    return {"function": "expanding_window_split", "args": (3_000_000, 3)}
