"""Hidden tests for `bleu`. Compared with the reference with rtol=1e-9, atol=1e-12 (a single number)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
CAND = "the cat sat on the mat".split()
REFS = ["the cat is on the mat".split(), "there is a cat on the mat".split()]


def check(solution, reference, candidate, references, **kwargs):
    expected = reference.bleu(list(candidate), [list(r) for r in references], **kwargs)
    got = call(solution.bleu, list(candidate), [list(r) for r in references], **kwargs)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True)
    return float(np.asarray(got, dtype=float).ravel()[0])


def test_worked_example_bigram(solution, reference):
    """The example from the task with max_n=2: sqrt(5/6 · 3/5) = 0.70711."""
    check(solution, reference, CAND, REFS, max_n=2)


def test_worked_example_no_4gram_is_zero(solution, reference):
    """The example with max_n=4: no 4-gram matches, so BLEU is 0.0 without smoothing."""
    check(solution, reference, CAND, REFS)


def test_worked_example_smoothed(solution, reference):
    """The example with smooth=True: add-one for n > 1 only gives 0.48549."""
    check(solution, reference, CAND, REFS, smooth=True)


def test_counts_are_clipped(solution, reference):
    """'the the the the the the the' against a reference with two 'the': unigram precision 2/7."""
    check(solution, reference, ["the"] * 7, ["the cat is on the mat".split()], max_n=1)


def test_clip_by_max_over_single_references(solution, reference):
    """Clipping uses the largest count in any ONE reference, not the sum over references."""
    check(solution, reference, "a a a b b c".split(), ["a b x c".split(), "a y b z".split(), "a a q r".split()],
          max_n=2, smooth=True)


def test_brevity_penalty_uses_closest_reference(solution, reference):
    """c = 5 with references of lengths 6 and 12: r = 6 (the closest, not the longest)."""
    check(solution, reference, "a b c d e".split(), ["a b c d e f".split(), "a b c d e g h i j k l m".split()])


def test_closest_length_tie_goes_to_shorter(solution, reference):
    """c = 5 with references of lengths 4 and 6 (equally close): r = 4, so BP = 1."""
    check(solution, reference, "a b c d e".split(), ["a b c d e f".split(), "a b c d".split()], max_n=2)


def test_closest_reference_can_be_longer(solution, reference):
    """c = 5 with references of lengths 2 and 6: r = 6 (the closest), not 2 (the shortest)."""
    check(solution, reference, "a b c d e".split(), ["a b".split(), "a b c d e f".split()], max_n=2)


def test_single_token_candidate(solution, reference):
    """A one-token candidate equal to the reference scores 1.0 with max_n=1."""
    check(solution, reference, ["a"], [["a"]], max_n=1)


def test_long_candidate_is_not_rewarded(solution, reference):
    """A candidate longer than every reference has BP = 1 (never above 1), so BLEU ≤ 1."""
    got = check(solution, reference, "a b c d e f g h".split(), ["a b c d e".split()], max_n=2)
    if got > 1.0 + 1e-12:
        fail(f"returned {got}, above 1: the brevity penalty must be 1 when c > r.")


def test_short_candidate_is_penalised(solution, reference):
    """A 3-token candidate that matches the start of a 6-token reference: BP = exp(1 - 6/3)."""
    check(solution, reference, "a b c".split(), ["a b c d e f".split()], max_n=3)


def test_identical_sentence_scores_one(solution, reference):
    """A candidate equal to one of the references scores 1.0."""
    check(solution, reference, CAND, [CAND, REFS[0]])


def test_custom_weights(solution, reference):
    """weights=(0.5, 0.3, 0.2) weight the log-precisions of orders 1, 2, 3."""
    check(solution, reference, "the quick brown fox jumps over the dog".split(),
          ["the quick brown fox jumped over the lazy dog".split()], max_n=3, weights=(0.5, 0.3, 0.2))


def test_candidate_shorter_than_order(solution, reference):
    """A 2-token candidate has no 3-grams: p_3 = 0/1 gives 0.0, and (0+1)/(1+1) when smoothed."""
    for smooth in (False, True):
        check(solution, reference, ["a", "b"], [["a", "b", "c"]], max_n=3, smooth=smooth)


def test_smoothing_keeps_zero_unigram_precision(solution, reference):
    """With smoothing, no unigram in common still scores 0.0 (unigrams are not smoothed)."""
    check(solution, reference, "x y z w".split(), ["a b c d".split()], smooth=True)


def test_empty_candidate_scores_zero(solution, reference):
    """An empty candidate scores 0.0."""
    check(solution, reference, [], [["a", "b"]])


def test_invalid_arguments_raise(solution, reference):
    """No reference, len(weights) != max_n, or max_n < 1 raises ValueError."""
    with pytest.raises(ValueError):
        call(solution.bleu, ["a"], [])
    with pytest.raises(ValueError):
        call(solution.bleu, ["a", "b"], [["a", "b"]], max_n=2, weights=[1.0])
    with pytest.raises(ValueError):
        call(solution.bleu, ["a", "b"], [["a", "b"]], max_n=0)


@pytest.mark.parametrize("seed", range(8))
def test_random_sentences(solution, reference, seed):
    """Seeded random sentences over a small vocabulary (many partial matches), 1-4 references."""
    rng = np.random.default_rng(seed)
    vocab = [f"w{i}" for i in range(int(rng.integers(3, 9)))]
    base = list(rng.choice(vocab, size=int(rng.integers(4, 20))))
    refs = []
    for _ in range(int(rng.integers(1, 5))):
        ref = [t if rng.random() < 0.7 else str(rng.choice(vocab)) for t in base]
        refs.append([str(t) for t in ref[: max(1, len(ref) + int(rng.integers(-4, 5)))]])
    cand = [str(t) for t in base[: max(1, len(base) + int(rng.integers(-5, 2)))]]
    max_n = int(rng.integers(1, 5))
    check(solution, reference, cand, refs, max_n=max_n, smooth=bool(seed % 2))


def test_inputs_are_not_modified(solution, reference):
    """The caller's lists are unchanged (checked by the grader on every call)."""
    check(solution, reference, CAND, REFS, max_n=3, smooth=True)


def speed_case():
    rng = np.random.default_rng(0)
    vocab = [f"w{i}" for i in range(30)]
    cand = [str(t) for t in rng.choice(vocab, size=1500)]
    refs = [[str(t) for t in rng.choice(vocab, size=1500)] for _ in range(3)]
    return {"function": "bleu", "args": (cand, refs)}
