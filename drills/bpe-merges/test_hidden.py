"""Hidden tests for `bpe_merges`. Exact: the same merges in the same order, and the same final
segmentation of every word."""

import numpy as np
import pytest

from mlprep.drillkit import call, fail

SENNRICH = {"low": 5, "lower": 2, "newest": 6, "widest": 3}


def _pairs(merges):
    out = []
    for m in merges:
        if not isinstance(m, (tuple, list, np.ndarray)) or len(m) != 2:
            fail(f"every merge must be a (left, right) pair, got {m!r}.", got=merges)
        out.append((str(m[0]), str(m[1])))
    return out


def run(solution, reference, word_freqs, num_merges):
    exp_merges, exp_seg = reference.bpe_merges(dict(word_freqs), num_merges)
    exp_merges = [tuple(m) for m in exp_merges]
    got = call(solution.bpe_merges, dict(word_freqs), num_merges)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a pair (merges, segmentation).", got=got)
    merges, seg = got
    if merges is None or not hasattr(merges, "__len__"):
        fail(f"the merges must be a list of pairs, got {merges!r}.", got=merges)
    merges = _pairs(merges)
    if merges != exp_merges:
        i = next((k for k, (a, b) in enumerate(zip(merges, exp_merges)) if a != b), min(len(merges), len(exp_merges)))
        fail(f"expected {len(exp_merges)} merges {exp_merges}, got {len(merges)}: {merges} "
             f"(first difference at merge {i}).", expected=exp_merges, got=merges)
    if not isinstance(seg, dict):
        fail(f"the segmentation must be a dict word -> list of symbols, got a {type(seg).__name__}.", got=seg)
    seg = {str(w): [str(s) for s in syms] for w, syms in seg.items()}
    if seg != exp_seg:
        bad = sorted(w for w in set(seg) | set(exp_seg) if seg.get(w) != exp_seg.get(w))
        w = bad[0]
        fail(f"wrong segmentation of {w!r}: expected {exp_seg.get(w)}, got {seg.get(w)}.", expected=exp_seg, got=seg)
    return merges, seg


def test_worked_example(solution, reference):
    """The classic example (Sennrich et al.) with 10 merges, from the task."""
    run(solution, reference, SENNRICH, 10)


def test_fewer_merges_give_a_prefix(solution, reference):
    """Learning 4 merges gives the first 4 of the 10 (and the matching intermediate segmentation)."""
    run(solution, reference, SENNRICH, 4)


def test_zero_merges(solution, reference):
    """num_merges=0: no merge; every word is its characters plus '</w>'."""
    run(solution, reference, SENNRICH, 0)


def test_overlapping_pair_merges_left_to_right(solution, reference):
    """'aaa': the pair (a, a) is merged once, left to right: aa a </w>."""
    run(solution, reference, {"aaa": 1}, 1)
    run(solution, reference, {"aaa": 1}, 3)


def test_repeated_pair_counts_every_position(solution, reference):
    """'aaaa' holds (a, a) three times: 3 × 3 = 9 beats (a, b) with 5."""
    run(solution, reference, {"aaaa": 3, "ab": 5}, 2)


def test_ties_go_to_the_smallest_pair(solution, reference):
    """All pairs occur once: the lexicographically smallest, (a, '</w>'), is merged first."""
    run(solution, reference, {"ba": 1, "ab": 1}, 3)


def test_counts_are_weighted_by_frequency(solution, reference):
    """A frequent word's pairs win: (c, d) with count 10 before (a, b) with count 1."""
    run(solution, reference, {"ab": 1, "cd": 10}, 2)


def test_merges_respect_symbol_boundaries(solution, reference):
    """After 'ne' is a symbol, the pair (e, w</w>) must not match inside 'ne w</w>'."""
    run(solution, reference, {"new": 1, "ne": 5, "ew": 3}, 6)


def test_pair_spanning_earlier_merges(solution, reference):
    """Merged symbols pair up again ('es' + 't', 'est' + '</w>'): merges build on each other."""
    run(solution, reference, {"best": 4, "test": 3, "rest": 2, "be": 1}, 6)


def test_stops_early_when_no_pair_is_left(solution, reference):
    """{'a': 3, 'bc': 1} allows only 3 merges; asking for 10 returns those 3."""
    merges, _ = run(solution, reference, {"a": 3, "bc": 1}, 10)
    if len(merges) != 3:
        fail(f"expected 3 merges, got {len(merges)}.")


def test_single_word_merges_to_one_symbol(solution, reference):
    """Enough merges turn one word into a single symbol ending in '</w>'."""
    run(solution, reference, {"mississippi": 2}, 20)


def test_negative_num_merges_raises(solution, reference):
    """num_merges < 0 raises ValueError."""
    with pytest.raises(ValueError):
        call(solution.bpe_merges, {"ab": 1}, -1)


@pytest.mark.parametrize("seed", range(6))
def test_random_vocabularies(solution, reference, seed):
    """Seeded random word lists over a 3-4 letter alphabet (many ties and repeated pairs)."""
    rng = np.random.default_rng(seed)
    letters = "abcd"[: int(rng.integers(2, 5))]
    words = {"".join(rng.choice(list(letters), size=int(rng.integers(1, 8)))): int(rng.integers(1, 6))
             for _ in range(int(rng.integers(2, 12)))}
    run(solution, reference, words, int(rng.integers(1, 25)))


def test_input_is_not_modified(solution, reference):
    """The caller's dict is unchanged (checked by the grader on every call)."""
    run(solution, reference, {"hello": 2, "help": 3, "hell": 1}, 5)
