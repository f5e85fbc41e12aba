"""Hidden tests for `kfold_indices`. Indices are compared as sets (order inside an array does not
matter). Unshuffled folds must be exactly the consecutive blocks; shuffled folds are graded by
their properties: fold sizes in order, validation folds partitioning 0..n-1, train = complement,
same seed -> same folds, different seeds -> different folds (collision probability < 1e-9)."""

import numpy as np
import pytest

from mlprep.drillkit import call, fail, short_repr


def expected_sizes(n, k):
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def folds_of(solution, n_samples, k, **kwargs):
    """Call the user's function and check the structure and the partition property."""
    got = call(solution.kfold_indices, n_samples, k, **kwargs)
    if got is None:
        fail("returned None. Did you forget a `return` statement? Return a list of (train_idx, val_idx).")
    if not isinstance(got, (list, tuple)):
        fail(f"returned a {type(got).__name__}; return a list of k (train_idx, val_idx) tuples.", got=got)
    if len(got) != k:
        fail(f"returned {len(got)} folds; expected k = {k}.")
    folds = []
    for i, fold in enumerate(got):
        if not isinstance(fold, (tuple, list)) or len(fold) != 2:
            fail(f"fold {i} is a {type(fold).__name__}; each fold must be a tuple (train_idx, val_idx).")
        pair = []
        for name, part in zip(("train_idx", "val_idx"), fold):
            arr = np.asarray(part)
            if arr.ndim != 1 or (arr.size and not np.issubdtype(arr.dtype, np.integer)):
                fail(f"fold {i}: {name} should be a 1-D integer array, got {short_repr(part)}.")
            pair.append(arr)
        folds.append(tuple(pair))
    sizes = [len(v) for _, v in folds]
    want = expected_sizes(n_samples, k)
    if sizes != want:
        fail(f"the validation folds have sizes {sizes}; expected {want} (n // k each, plus one for the "
             "first n % k folds).")
    everything = np.arange(n_samples)
    seen = np.concatenate([v for _, v in folds])
    values, counts = np.unique(seen, return_counts=True)
    if np.any(counts > 1) or not np.array_equal(values, everything):
        twice = values[counts > 1]
        missing = np.setdiff1d(everything, values)
        fail(f"every index must be validated exactly once; validated twice or more: {short_repr(twice[:10])}, "
             f"never validated: {short_repr(missing[:10])}.")
    for i, (train, val) in enumerate(folds):
        leak = np.intersect1d(train, val)
        if leak.size:
            fail(f"fold {i}: train_idx contains the validation indices {short_repr(leak[:10])} (leakage).")
        if len(train) != len(np.unique(train)) or not np.array_equal(np.sort(train), np.setdiff1d(everything, val)):
            fail(f"fold {i}: train_idx must hold every index not in val_idx exactly once; got "
                 f"{short_repr(np.sort(train))} for val_idx {short_repr(np.sort(val))}.")
    return folds


def check_unshuffled(solution, reference, n_samples, k, **kwargs):
    expected = reference.kfold_indices(n_samples, k, **kwargs)
    folds = folds_of(solution, n_samples, k, **kwargs)
    for i, ((_, val), (_, exp_val)) in enumerate(zip(folds, expected)):
        if not np.array_equal(np.sort(val), np.sort(exp_val)):
            fail(f"fold {i} validates {short_repr(np.sort(val))}; without shuffling it must be the consecutive "
                 f"block {short_repr(exp_val)}.", expected=exp_val, got=val)


def val_sets(folds):
    return tuple(frozenset(v.tolist()) for _, v in folds)


def test_worked_example(solution, reference):
    """The example from the task: n=10, k=3 -> blocks of 4, 3 and 3."""
    check_unshuffled(solution, reference, 10, 3)


@pytest.mark.parametrize("n_samples,k", [(10, 5), (11, 3), (11, 4), (7, 2), (100, 7), (23, 6)])
def test_consecutive_folds(solution, reference, n_samples, k):
    """Unshuffled folds are consecutive blocks; the first n % k folds are one larger."""
    check_unshuffled(solution, reference, n_samples, k)


def test_leave_one_out(solution, reference):
    """k = n_samples: each fold validates a single index (leave-one-out)."""
    check_unshuffled(solution, reference, 6, 6)


def test_two_folds_of_three(solution, reference):
    """n=3, k=2: sizes 2 and 1."""
    check_unshuffled(solution, reference, 3, 2)


def test_seed_ignored_without_shuffle(solution, reference):
    """shuffle=False with a seed still gives the consecutive blocks."""
    check_unshuffled(solution, reference, 12, 5, seed=3)


@pytest.mark.parametrize("n_samples,k,seed", [(10, 3, 0), (37, 5, 1), (8, 8, 2), (50, 4, 3)])
def test_shuffled_folds_partition(solution, reference, n_samples, k, seed):
    """Shuffled folds keep the sizes and still partition the indices; train = the complement."""
    folds_of(solution, n_samples, k, shuffle=True, seed=seed)


def test_shuffled_folds_are_shuffled(solution, reference):
    """With shuffle=True the folds are not the consecutive blocks."""
    folds = folds_of(solution, 60, 3, shuffle=True, seed=4)
    first = np.sort(folds[0][1])
    if np.array_equal(first, np.arange(20)):
        fail("with shuffle=True, fold 0 validates 0..19, exactly the unshuffled block; shuffle the indices "
             "once before cutting them into folds.")


def test_shuffle_same_seed_same_folds(solution, reference):
    """The same seed gives the same shuffled folds."""
    a = val_sets(folds_of(solution, 30, 4, shuffle=True, seed=99))
    b = val_sets(folds_of(solution, 30, 4, shuffle=True, seed=99))
    if a != b:
        fail("two calls with shuffle=True, seed=99 gave different folds; build the generator from the seed.")


def test_shuffle_different_seeds_different_folds(solution, reference):
    """Seeds 0..4 give five different fold assignments."""
    runs = {val_sets(folds_of(solution, 30, 3, shuffle=True, seed=s)) for s in range(5)}
    if len(runs) < 5:
        fail("different seeds gave the same folds; shuffle with np.random.default_rng(seed).")


def test_shuffle_without_seed_is_random(solution, reference):
    """shuffle=True with seed=None gives fresh randomness on every call."""
    a = val_sets(folds_of(solution, 40, 4, shuffle=True))
    b = val_sets(folds_of(solution, 40, 4, shuffle=True))
    if a == b:
        fail("two calls with shuffle=True and seed=None gave the same folds; without a seed use fresh "
             "randomness, not a fixed seed.")


def speed_case():
    return {"function": "kfold_indices", "args": (200_000, 5), "kwargs": {"shuffle": True, "seed": 0}}
