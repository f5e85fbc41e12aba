"""Hidden tests for `top_k_frequent`. Exact answers: the same (item, count) pairs in the same order
as `Counter(items).most_common(k)`; pairs may be tuples or 2-element lists, counts any integer type.
"""

import numpy as np
import pytest

from mlprep.drillkit import call, fail


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def check(solution, reference, items, k):
    expected = [tuple(p) for p in reference.top_k_frequent(list(items), k)]
    got = call(solution.top_k_frequent, items, k)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, dict) or not isinstance(got, (list, tuple, np.ndarray)):
        fail(f"returned a {type(got).__name__}; return a list of (item, count) pairs.", got=got)
    pairs = []
    for entry in got:
        if not isinstance(entry, (list, tuple, np.ndarray)) or len(entry) != 2:
            fail(f"returned {got!r}: every entry must be an (item, count) pair, got {entry!r}.",
                 expected=expected, got=got)
        pairs.append((_plain(entry[0]), _plain(entry[1])))
    if len(pairs) != len(expected):
        fail(f"expected {len(expected)} pairs {expected!r}, got {len(pairs)}: {pairs!r}.", expected=expected, got=got)
    for i, (g, e) in enumerate(zip(pairs, expected)):
        if g[0] != e[0] or isinstance(g[0], str) != isinstance(e[0], str) or g[1] != e[1]:
            fail(f"expected {expected!r}, got {pairs!r}: they first differ at position {i} "
                 f"(expected {e!r}, got {g!r}).", expected=expected, got=got)


def test_worked_example(solution, reference):
    """The first example from the task: k = 2 of four distinct items."""
    check(solution, reference, ["b", "a", "b", "c", "a", "b", "d"], 2)


def test_tie_goes_to_first_appearance(solution, reference):
    """The second example: pear and fig tie, pear appeared first."""
    check(solution, reference, ["pear", "fig", "fig", "pear"], 5)


def test_ties_not_ordered_by_value(solution, reference):
    """Tied items keep first-appearance order, not alphabetical or numeric order."""
    check(solution, reference, ["zeta", "alpha", "mid", "alpha", "zeta", "mid", "omega"], 4)
    check(solution, reference, [9, 3, 7, 3, 9, 7], 3)


def test_tie_at_the_cut(solution, reference):
    """When k cuts through a tie, the items that appeared first are kept."""
    check(solution, reference, ["x", "y", "z", "w", "w", "z", "y", "x", "q"], 2)


def test_returns_counts(solution, reference):
    """Each entry is an (item, count) pair."""
    check(solution, reference, ["a", "a", "b"], 1)


def test_k_larger_than_distinct(solution, reference):
    """k beyond the number of distinct items returns them all."""
    check(solution, reference, ["u", "v", "u"], 10)


def test_k_equals_distinct(solution, reference):
    """k = number of distinct items returns all of them, in order."""
    check(solution, reference, [1, 2, 2, 3, 3, 3], 3)


def test_k_zero(solution, reference):
    """k = 0 gives an empty list."""
    check(solution, reference, ["a", "b", "a"], 0)


def test_empty_items(solution, reference):
    """No items: an empty list, whatever k."""
    check(solution, reference, [], 3)


def test_single_repeated_item(solution, reference):
    """One distinct item repeated."""
    check(solution, reference, ["same"] * 6, 2)


def test_integers(solution, reference):
    """Integer items, including 0 and negatives."""
    check(solution, reference, [0, -1, 0, 5, -1, 0, 5, 5, 5], 2)


@pytest.mark.parametrize("seed", range(6))
def test_random_lists(solution, reference, seed):
    """Seeded random lists with many ties (small vocabularies), several k."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 120))
    vocab = [f"w{i}" for i in rng.permutation(int(rng.integers(1, 30)))]
    items = [str(x) for x in rng.choice(vocab, n)] if seed % 2 else [int(x) for x in rng.integers(-5, 20, n)]
    check(solution, reference, items, int(rng.integers(0, 12)))


def speed_case():
    rng = np.random.default_rng(0)
    items = [f"w{i}" for i in rng.integers(0, 600, 30_000)]
    return {"function": "top_k_frequent", "args": (items, 10)}
