"""Hidden tests for `train_test_split`. Splits are random, so properties are graded, never
particular indices: integer indices in range, disjoint and covering, exact sizes
(n_test = ceil(test_size * n); per class round(test_size * n_c) with stratify), the same split
for the same seed, different splits for different seeds (for the sizes used here a collision
has probability below 1e-9), and a spread of test rows over the whole range."""


import numpy as np
import pytest

from mlprep.drillkit import call, fail, short_repr


def split(solution, n_samples, **kwargs):
    """Call the user's function and check the partition; returns (train, test) as int arrays."""
    got = call(solution.train_test_split, n_samples, **kwargs)
    if got is None:
        fail("returned None. Did you forget a `return` statement? Return (train_idx, test_idx).")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a tuple (train_idx, test_idx).", got=got)
    parts = []
    for name, part in zip(("train_idx", "test_idx"), got):
        arr = np.asarray(part)
        if arr.ndim != 1:
            fail(f"{name} has shape {arr.shape}; return 1-D arrays of indices.", got=part)
        if arr.size and not np.issubdtype(arr.dtype, np.integer):
            if not (np.issubdtype(arr.dtype, np.number) and np.all(arr == np.round(arr))):
                fail(f"{name} holds values of type {arr.dtype}; return integer indices.", got=part)
        parts.append(arr.astype(int))
    train, test = parts
    both = np.concatenate([train, test])
    if both.size and (both.min() < 0 or both.max() >= n_samples):
        fail(f"returned indices outside 0..{n_samples - 1}: train_idx={short_repr(train)}, "
             f"test_idx={short_repr(test)}.")
    shared = np.intersect1d(train, test)
    if shared.size:
        fail(f"train_idx and test_idx share the indices {short_repr(shared[:10])}: the test rows must "
             "not be used for training.")
    for name, arr in (("train_idx", train), ("test_idx", test)):
        values, counts = np.unique(arr, return_counts=True)
        if np.any(counts > 1):
            fail(f"{name} repeats the indices {short_repr(values[counts > 1][:10])}; each index must "
                 "appear once (sample without replacement).")
    missing = np.setdiff1d(np.arange(n_samples), both)
    if missing.size:
        fail(f"the indices {short_repr(missing[:10])} are in neither set; together train_idx and "
             f"test_idx must cover 0..{n_samples - 1}.")
    return train, test


def check_sizes(solution, reference, n_samples, test_size, seed):
    exp_train, exp_test = reference.train_test_split(n_samples, test_size=test_size, seed=seed)
    train, test = split(solution, n_samples, test_size=test_size, seed=seed)
    if len(test) != len(exp_test):
        fail(f"returned {len(test)} test indices; expected ceil({test_size} * {n_samples}) = {len(exp_test)} "
             f"(and {len(exp_train)} training indices).")
    return train, test


def check_stratified(solution, reference, labels, test_size, seed):
    labels = np.asarray(labels)
    n = len(labels)
    _, exp_test = reference.train_test_split(n, test_size=test_size, seed=seed, stratify=labels.copy())
    train, test = split(solution, n, test_size=test_size, seed=seed, stratify=labels)
    for c in np.unique(labels):
        name = c.item()
        n_c = int(np.sum(labels == c))
        want = int(np.sum(labels[exp_test] == c))
        have = int(np.sum(labels[test] == c))
        if abs(have - test_size * n_c) >= 1:
            fail(f"class {name!r} has {n_c} rows and {have} of them in the test set; stratification keeps "
                 f"the proportion: expected round({test_size} * {n_c}) = {want}.")
        if have != want:
            fail(f"class {name!r} has {n_c} rows and {have} of them in the test set; expected "
                 f"round({test_size} * {n_c}) = {want} (nearest integer).")
    return train, test


def as_set(idx):
    return frozenset(np.asarray(idx).tolist())


def test_worked_example(solution, reference):
    """The first example from the task: n=10, test_size=0.2 -> 8 training and 2 test indices."""
    check_sizes(solution, reference, 10, 0.2, 0)


@pytest.mark.parametrize("n_samples,test_size", [(7, 0.3), (100, 0.25), (5, 0.5), (3, 0.1), (13, 0.3),
                                                 (9, 0.25), (2, 0.5), (1000, 0.33)])
def test_test_size_rounds_up(solution, reference, n_samples, test_size):
    """n_test = ceil(test_size * n_samples); the rest is training data; disjoint and covering."""
    check_sizes(solution, reference, n_samples, test_size, 3)


def test_default_test_size(solution, reference):
    """test_size defaults to 0.2."""
    exp_train, exp_test = reference.train_test_split(50, seed=1)
    train, test = split(solution, 50, seed=1)
    if len(test) != len(exp_test):
        fail(f"returned {len(test)} test indices with the default test_size; expected {len(exp_test)} "
             "(test_size=0.2).")


def test_same_seed_same_split(solution, reference):
    """Calling twice with the same seed gives the same split."""
    first = split(solution, 40, test_size=0.25, seed=123)
    second = split(solution, 40, test_size=0.25, seed=123)
    if as_set(first[1]) != as_set(second[1]):
        fail(f"two calls with seed=123 gave different test sets {short_repr(np.sort(first[1]))} and "
             f"{short_repr(np.sort(second[1]))}; build the generator from the seed.")


def test_different_seeds_different_splits(solution, reference):
    """Seeds 0..5 give six different test sets (the split really depends on the seed)."""
    tests = [as_set(split(solution, 50, test_size=0.2, seed=s)[1]) for s in range(6)]
    if len(set(tests)) < 6:
        fail("different seeds gave the same test set; shuffle with a generator seeded by `seed` "
             "(np.random.default_rng(seed)).")


def test_no_seed_is_random(solution, reference):
    """seed=None gives fresh randomness: two calls give different splits."""
    a = as_set(split(solution, 100, test_size=0.2)[1])
    b = as_set(split(solution, 100, test_size=0.2)[1])
    if a == b:
        fail("two calls with seed=None gave the same test set; without a seed use fresh randomness "
             "(np.random.default_rng(None)), not a fixed seed.")


def test_shuffled_over_whole_range(solution, reference):
    """The test rows are spread over all indices, not a block at the start or end."""
    _, test = split(solution, 1000, test_size=0.2, seed=7)
    low, high = int(np.sum(test < 500)), int(np.sum(test >= 500))
    if min(low, high) < 60:  # a random split puts 100 +- 11 of the 200 test rows in each half
        fail(f"{low} test indices fall below 500 and {high} above: the test set is not a random sample "
             "of all rows. Shuffle the indices before cutting.")


def test_stratified_example(solution, reference):
    """The second example from the task: 8 zeros and 7 ones, 2 of each in the test set."""
    check_stratified(solution, reference, np.array([0] * 8 + [1] * 7), 0.3, 1)


@pytest.mark.parametrize("seed", range(3))
def test_stratified_three_classes(solution, reference, seed):
    """Three shuffled classes of 13, 9 and 7 rows: 3, 2 and 2 of them in the test set."""
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.repeat([0, 1, 2], [13, 9, 7]))
    check_stratified(solution, reference, labels, 0.25, seed)


def test_stratified_imbalanced(solution, reference):
    """90 / 10 imbalance with test_size=0.3: 27 majority and 3 minority rows in the test set."""
    rng = np.random.default_rng(5)
    labels = rng.permutation(np.repeat([1, 0], [90, 10]))
    check_stratified(solution, reference, labels, 0.3, 11)


def test_stratified_string_labels(solution, reference):
    """Labels may be strings."""
    rng = np.random.default_rng(6)
    labels = rng.permutation(np.repeat(["spam", "ham", "eggs"], [20, 45, 15]))
    check_stratified(solution, reference, [str(v) for v in labels], 0.2, 2)


def test_stratified_tiny_class(solution, reference):
    """A class of a single row: round(0.2 * 1) = 0 rows of it go to the test set."""
    labels = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
    check_stratified(solution, reference, labels, 0.2, 4)


def test_stratified_seeds(solution, reference):
    """Stratified splits are reproducible with a seed and differ between seeds."""
    labels = np.repeat([0, 1], [30, 20])
    first = as_set(check_stratified(solution, reference, labels, 0.2, 10)[1])
    again = as_set(split(solution, 50, test_size=0.2, seed=10, stratify=labels)[1])
    if first != again:
        fail("two stratified calls with seed=10 gave different test sets; build the generator from the seed.")
    others = {as_set(split(solution, 50, test_size=0.2, seed=s, stratify=labels)[1]) for s in range(11, 15)}
    if first in others or len(others) < 4:
        fail("different seeds gave the same stratified test set; shuffle each class's rows with the "
             "seeded generator.")


def test_inputs_not_modified(solution, reference):
    """The stratify labels are left untouched (checked by the grader on every call)."""
    check_stratified(solution, reference, np.array([2, 1, 2, 2, 1, 2, 1, 2, 2, 2]), 0.3, 0)


def speed_case():
    labels = np.random.default_rng(0).integers(0, 3, 100_000)
    return {"function": "train_test_split", "args": (100_000,),
            "kwargs": {"test_size": 0.25, "seed": 0, "stratify": labels}}
