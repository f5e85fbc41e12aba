"""Hidden tests for `perplexity`. Compared with the reference with rtol=1e-9, atol=1e-12 (a single number)."""

import math

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12


def check(solution, reference, data, **kwargs):
    copy = [np.copy(x) if isinstance(x, np.ndarray) else (list(x) if isinstance(x, list) else x) for x in data] \
        if isinstance(data, list) else np.copy(data)
    expected = reference.perplexity(copy, **kwargs)
    got = call(solution.perplexity, data, **kwargs)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, scalar=True)
    return float(np.asarray(got, dtype=float).ravel()[0])


def test_worked_example(solution, reference):
    """The example from the task: two sequences, 80 ** (1/3) = 4.30887 (tokens pooled)."""
    check(solution, reference, [np.log([0.5, 0.25]), np.log([0.1])])


def test_one_sequence_array(solution, reference):
    """A single 1-D array is one sequence: the same 4.30887."""
    check(solution, reference, np.log(np.array([0.5, 0.25, 0.1])))


def test_one_sequence_list_of_numbers(solution, reference):
    """A plain list of numbers is one sequence."""
    check(solution, reference, [-0.2, -1.7, -3.1, -0.05])


def test_uniform_model_has_vocabulary_size_perplexity(solution, reference):
    """A uniform model over 50 words has perplexity 50 on any text."""
    got = check(solution, reference, [np.full(7, -np.log(50.0)), np.full(3, -np.log(50.0))])
    if not np.isclose(got, 50.0, rtol=1e-9):
        fail(f"a uniform model over 50 words should have perplexity 50, got {got}.")


def test_pooled_not_mean_of_perplexities(solution, reference):
    """A short surprising sequence and a long easy one: tokens are pooled, not sequences averaged."""
    check(solution, reference, [np.full(1, -6.0), np.full(99, -0.5)])


def test_unequal_lengths_weight_by_tokens(solution, reference):
    """Sequences of very different lengths: the total NLL is divided by the total token count."""
    rng = np.random.default_rng(1)
    check(solution, reference, [-rng.exponential(1.0, size=n) for n in (1, 4, 30, 200)])


def test_base_two(solution, reference):
    """Log-probabilities in bits: perplexity([-1, -3], base=2) = 2 ** 2 = 4."""
    check(solution, reference, [-1.0, -3.0], base=2)


def test_base_ten_matches_natural_logs(solution, reference):
    """The same probabilities given as log10 values with base=10 give the same perplexity as natural logs."""
    p = np.array([0.3, 0.02, 0.6, 0.11])
    a = check(solution, reference, [np.log10(p)], base=10)
    b = check(solution, reference, [np.log(p)])
    if not np.isclose(a, b, rtol=1e-9):
        fail(f"base 10 gave {a} but natural logs gave {b} for the same probabilities.")


def test_very_negative_log_probs_do_not_underflow(solution, reference):
    """100 tokens of log-probability -50: the product of probabilities underflows, the answer is e^50."""
    check(solution, reference, [np.full(100, -50.0)])


def test_many_unlikely_tokens(solution, reference):
    """2000 tokens with p = 0.01: perplexity 100 (the product would be 0.0)."""
    check(solution, reference, np.full(2000, np.log(0.01)))


def test_overflow_and_minus_infinity_give_inf(solution, reference):
    """A mean NLL of 1000 nats exceeds float64 (inf), and a token with log-probability -inf gives inf."""
    check(solution, reference, [-1000.0, -1000.0])
    check(solution, reference, [np.array([-np.inf, -1.0])])


def test_two_dimensional_array(solution, reference):
    """A 2-D array: every row is a sequence, all tokens pooled."""
    check(solution, reference, np.array([[-1.0, -2.0, -0.5], [-3.0, -4.0, -0.1]]))


def test_empty_sequences_are_ignored(solution, reference):
    """Empty sequences contribute no tokens."""
    check(solution, reference, [[], [-1.0, -2.0], np.zeros(0), [-0.5]])


def test_perfect_model(solution, reference):
    """Every token with probability 1 (log 0): perplexity 1."""
    check(solution, reference, [np.zeros(5), np.zeros(2)])


@pytest.mark.parametrize("seed", range(5))
def test_random_corpora(solution, reference, seed):
    """Seeded random corpora of 1-20 sequences, bases e, 2 and 10."""
    rng = np.random.default_rng(seed)
    base = [math.e, 2.0, 10.0][seed % 3]
    seqs = [-rng.exponential(rng.uniform(0.1, 5.0), size=int(rng.integers(0, 60))) for _ in range(int(rng.integers(1, 20)))]
    seqs.append(-rng.exponential(1.0, size=3))
    check(solution, reference, seqs, base=base)


def test_invalid_inputs_raise(solution, reference):
    """No token at all, a positive log-probability or a NaN raises ValueError."""
    for bad in ([], [[], []], [[-1.0, 0.5]], [[-1.0, float("nan")]]):
        with pytest.raises(ValueError):
            call(solution.perplexity, bad)


def test_input_is_not_modified(solution, reference):
    """The caller's arrays are unchanged (checked by the grader on every call)."""
    check(solution, reference, [np.array([-1.0, -2.0]), np.array([-0.3])])


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "perplexity", "args": ([-rng.exponential(1.0, size=5000) for _ in range(200)],)}
