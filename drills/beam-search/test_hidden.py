"""Hidden tests for `beam_search`. The model is passed as a (V, V) bigram table of log-probabilities
(step_fn(prefix) = table[prefix[-1]]). The sequence must match exactly; the score with rtol=1e-9,
atol=1e-12."""

import itertools

import numpy as np
import pytest

from mlprep.drillkit import assert_close, assert_equal, call, fail

RTOL, ATOL = 1e-9, 1e-12
with np.errstate(divide="ignore"):
    EXAMPLE = np.log(np.array([[0, 0.5, 0.4, 0.1], [0, 0.3, 0.3, 0.4], [0, 0.05, 0.05, 0.9], [0, 0, 0, 1.0]]))


def run(solution, reference, table, start, end, width, max_len, **kwargs):
    exp_seq, exp_score = reference.beam_search(table.copy(), start, end, width, max_len, **kwargs)
    got = call(solution.beam_search, table, start, end, width, max_len, **kwargs)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a pair (sequence, score).", got=got)
    seq, score = got
    assert_equal(np.asarray(seq).astype(int) if seq is not None and len(seq) else seq,
                 np.asarray(exp_seq), what="the sequence")
    assert_close(score, exp_score, rtol=RTOL, atol=ATOL, what="the score", scalar=True)
    return [int(t) for t in seq], float(np.asarray(score, dtype=float).ravel()[0])


def brute_force(table, start, end, max_len, length_penalty):
    """Best of all sequences (the end token only last; unfinished ones only at max_len)."""
    V = table.shape[0]
    best = None
    for L in range(1, max_len + 1):
        for body in itertools.product(range(V), repeat=L):
            if end in body[:-1] or (body[-1] != end and L < max_len):
                continue
            seq = (start,) + body
            total = sum(table[a, b] for a, b in zip(seq[:-1], seq[1:]))
            if total == -np.inf:
                continue
            key = (-(total / L ** length_penalty), seq)
            best = key if best is None or key < best else best
    return list(best[1]), -best[0]


def greedy(table, start, end, max_len):
    seq = [start]
    for _ in range(max_len):
        seq.append(int(np.argmax(table[seq[-1]])))
        if seq[-1] == end:
            break
    return seq


def random_table(rng, V, sharp=1.0):
    logits = rng.normal(0, sharp, size=(V, V))
    return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


def test_worked_example_beam_of_two(solution, reference):
    """The example from the task: width 2 finds <s> b </s> (ln 0.36) that greedy misses."""
    seq, _ = run(solution, reference, EXAMPLE, 0, 3, 2, 3)
    if seq != [0, 2, 3]:
        fail(f"expected [0, 2, 3], got {seq}.")


def test_worked_example_greedy(solution, reference):
    """The example with beam_width=1: greedy decoding, <s> a </s> (ln 0.2)."""
    run(solution, reference, EXAMPLE, 0, 3, 1, 3)


def test_worked_example_length_penalty(solution, reference):
    """The example with length_penalty=1: the score is ln(0.36) / 2 (the start token is not counted)."""
    run(solution, reference, EXAMPLE, 0, 3, 2, 3, length_penalty=1.0)


@pytest.mark.parametrize("seed", range(4))
def test_width_one_is_greedy(solution, reference, seed):
    """beam_width=1 returns the greedy sequence (argmax at every step)."""
    rng = np.random.default_rng(seed)
    table = random_table(rng, 5, 2.0)
    seq, _ = run(solution, reference, table, 0, 4, 1, 6)
    if seq != greedy(table, 0, 4, 6):
        fail(f"with beam_width=1 expected the greedy sequence {greedy(table, 0, 4, 6)}, got {seq}.")


@pytest.mark.parametrize("seed,length_penalty", [(0, 0.0), (1, 1.0), (2, 0.6), (3, 0.0), (4, 2.0)])
def test_huge_beam_is_exhaustive(solution, reference, seed, length_penalty):
    """A beam wider than V ** max_len returns the best of all sequences (checked by brute force)."""
    rng = np.random.default_rng(10 + seed)
    V, max_len = 4, 4
    table = random_table(rng, V, 1.5)
    seq, score = run(solution, reference, table, 0, 3, V ** max_len, max_len, length_penalty=length_penalty)
    bf_seq, bf_score = brute_force(table, 0, 3, max_len, length_penalty)
    if seq != bf_seq or not np.isclose(score, bf_score, rtol=1e-9, atol=1e-12):
        fail(f"exhaustive search gives {bf_seq} with score {bf_score:.6g}, the beam returned {seq} with {score:.6g}.")


def test_length_penalty_favours_longer_hypotheses(solution, reference):
    """A short hypothesis wins on the raw total; per-token normalisation (penalty 1) prefers the long one."""
    table = np.array([[-9.0, -1.0, -1.2], [-9.0, -0.1, -0.5], [-9.0, -9.0, -9.0]])   # <s>=0, a=1, </s>=2
    raw, _ = run(solution, reference, table, 0, 2, 4, 4)
    norm, _ = run(solution, reference, table, 0, 2, 4, 4, length_penalty=1.0)
    if raw == norm:
        fail("length_penalty=1.0 should change the winner here (the short hypothesis wins only on the raw total).")


def test_finished_hypotheses_are_set_aside(solution, reference):
    """<s> </s> finishes at step 1 and is best; it must not be extended (the row of </s> is very negative)."""
    table = np.array([[-5.0, -2.0, -0.2], [-5.0, -1.0, -1.0], [-30.0, -30.0, -30.0]])
    seq, _ = run(solution, reference, table, 0, 2, 2, 5)
    if seq != [0, 2]:
        fail(f"expected [0, 2]: the hypothesis that ended at step 1 is the best; got {seq}.")


def test_later_finished_hypothesis_can_win(solution, reference):
    """The first hypothesis to finish is not necessarily the best: search continues to max_len."""
    table = np.array([[-9.0, -0.1, -3.0, -2.5], [-9.0, -9.0, -0.1, -9.0], [-9.0, -9.0, -9.0, -0.1],
                      [-9.0, -9.0, -9.0, -9.0]])
    run(solution, reference, table, 0, 3, 2, 4)


def test_cut_off_at_max_len(solution, reference):
    """When nothing reaches the end token, the best hypothesis cut off at max_len is returned."""
    table = np.array([[-np.inf, -0.5, -1.0, -np.inf], [-np.inf, -0.7, -0.7, -6.0],
                      [-np.inf, -0.2, -1.5, -7.0], [-np.inf, -np.inf, -np.inf, 0.0]])
    run(solution, reference, table, 0, 3, 3, 3)


def test_ties_go_to_the_lexicographically_smaller_sequence(solution, reference):
    """Exactly equal totals: the lexicographically smaller sequence is kept and returned."""
    table = np.array([[-9.0, -1.0, -1.0, -2.0], [-9.0, -1.0, -1.0, -1.0], [-9.0, -1.0, -1.0, -1.0],
                      [-9.0, -9.0, -9.0, -9.0]])
    for width in (1, 2, 3):
        run(solution, reference, table, 0, 3, width, 3)
    run(solution, reference, table, 0, 3, 2, 3, length_penalty=1.0)


def test_end_token_need_not_be_last_index(solution, reference):
    """Start and end tokens are arbitrary ids (here start 2, end 0)."""
    rng = np.random.default_rng(7)
    table = random_table(rng, 5, 2.0)
    run(solution, reference, table, 2, 0, 3, 5, length_penalty=0.7)


def test_max_len_one(solution, reference):
    """max_len=1: one token after the start token."""
    rng = np.random.default_rng(8)
    run(solution, reference, random_table(rng, 6, 2.0), 0, 5, 3, 1)


@pytest.mark.parametrize("seed", range(6))
def test_random_models(solution, reference, seed):
    """Seeded random bigram models, widths and length penalties."""
    rng = np.random.default_rng(100 + seed)
    V = int(rng.integers(3, 12))
    table = random_table(rng, V, float(rng.uniform(0.5, 3.0)))
    start, end = (int(t) for t in rng.choice(V, size=2, replace=False))
    run(solution, reference, table, start, end, int(rng.integers(1, 6)), int(rng.integers(1, 9)),
        length_penalty=float(rng.choice([0.0, 0.5, 1.0, 1.5])))


def test_score_matches_the_sequence(solution, reference):
    """The returned score is the sequence's total log-probability / L ** length_penalty."""
    rng = np.random.default_rng(21)
    table = random_table(rng, 7, 1.0)
    seq, score = run(solution, reference, table, 0, 6, 4, 7, length_penalty=0.8)
    total = sum(table[a, b] for a, b in zip(seq[:-1], seq[1:]))
    if not np.isclose(score, total / (len(seq) - 1) ** 0.8, rtol=1e-9):
        fail(f"the score {score} is not the total {total} / L ** 0.8 of the returned sequence.")


def test_invalid_arguments_raise(solution, reference):
    """beam_width < 1 or max_len < 1 raises ValueError."""
    with pytest.raises(ValueError):
        call(solution.beam_search, EXAMPLE, 0, 3, 0, 3)
    with pytest.raises(ValueError):
        call(solution.beam_search, EXAMPLE, 0, 3, 2, 0)


def test_no_possible_continuation_raises(solution, reference):
    """Every continuation of the start token has log-probability -inf: raise ValueError."""
    table = np.array([[-np.inf, -np.inf, -np.inf], [-1.0, -1.0, -1.0], [-1.0, -1.0, -1.0]])
    with pytest.raises(ValueError):
        call(solution.beam_search, table, 0, 2, 2, 3)


def speed_case():
    # Log-probabilities on a coarse grid (0, -0.25, -0.5: exact sums), so most candidates tie on
    # their total and must be ordered by their sequence, over 100 steps with the end token (V - 1)
    # rarely kept, so the beam stays full. The reference takes about 30 ms of CPU; a Python list of
    # every (beam, token) candidate, sorted by (-total, sequence), about 40x as long.
    rng = np.random.default_rng(0)
    V = 500
    table = -0.25 * rng.integers(0, 3, size=(V, V))
    return {"function": "beam_search", "args": (table, 0, V - 1, 8, 100)}
