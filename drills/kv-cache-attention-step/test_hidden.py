"""Hidden tests for `attention_step`. Tolerance: RTOL=1e-9, ATOL=1e-12 on the output and on both
returned caches (float64 rounding only); float32 inputs are compared with RTOL32=1e-5, ATOL32=1e-6.
The central check: decoding a sequence token by token with the cache reproduces, at every step,
the last row of full causal attention recomputed from scratch over the whole prefix (an
independent implementation written here)."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail, short_repr

RTOL, ATOL = 1e-9, 1e-12
RTOL32, ATOL32 = 1e-5, 1e-6

I2 = np.eye(2)
EX = (np.array([0.0, 1.0]), I2, I2, I2, np.array([[1.0, 0.0]]), np.array([[1.0, 2.0]]))


def full_causal_attention(X, W_q, W_k, W_v):
    """Independent reference: causal self-attention over the whole sequence X (n, d_model)."""
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    scores = Q @ K.T / np.sqrt(K.shape[1])
    n = X.shape[0]
    scores = np.where(np.tril(np.ones((n, n), dtype=bool)), scores, -np.inf)
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    return w @ V, K, V


def unpack(got):
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        fail(f"returned {short_repr(got)}; return a tuple (output, new_k_cache, new_v_cache).", got=got)
    return got


def check(solution, reference, x_t, W_q, W_k, W_v, k_cache, v_cache, rtol=RTOL, atol=ATOL):
    expected = reference.attention_step(*(np.copy(a) for a in (x_t, W_q, W_k, W_v, k_cache, v_cache)))
    got = unpack(call(solution.attention_step, x_t, W_q, W_k, W_v, k_cache, v_cache))
    assert_close(got[0], expected[0], rtol=rtol, atol=atol, what="output")
    assert_close(got[1], expected[1], rtol=rtol, atol=atol, what="new_k_cache")
    assert_close(got[2], expected[2], rtol=rtol, atol=atol, what="new_v_cache")
    return got


def weights(rng, d_model, d_k, d_v, scale=1.0):
    return (rng.normal(size=(d_model, d_k)) * scale, rng.normal(size=(d_model, d_k)) * scale,
            rng.normal(size=(d_model, d_v)))


def decode(solution, X, W_q, W_k, W_v, rtol=RTOL, atol=ATOL):
    """Feed X token by token from empty caches; compare every step with full causal attention."""
    full_out, full_K, full_V = full_causal_attention(X.astype(float), W_q.astype(float), W_k.astype(float),
                                                     W_v.astype(float))
    k_cache, v_cache = np.zeros((0, W_k.shape[1])), np.zeros((0, W_v.shape[1]))
    for t in range(X.shape[0]):
        got = unpack(call(solution.attention_step, X[t], W_q, W_k, W_v, k_cache, v_cache))
        assert_close(got[0], full_out[t], rtol=rtol, atol=atol,
                     what=f"output at step {t} (should equal row {t} of full causal attention)")
        assert_close(got[1], full_K[: t + 1], rtol=rtol, atol=atol, what=f"new_k_cache at step {t}")
        assert_close(got[2], full_V[: t + 1], rtol=rtol, atol=atol, what=f"new_v_cache at step {t}")
        k_cache, v_cache = as_array(got[1]), as_array(got[2])


def test_worked_example(solution, reference):
    """The example from the task: one cached token, identity projections."""
    check(solution, reference, *EX)


def test_empty_cache(solution, reference):
    """t = 0: the first token attends only to itself, so the output is its own value x_t W_v."""
    W_v = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]])
    check(solution, reference, np.array([1.0, 2.0]), I2, I2, W_v, np.zeros((0, 2)), np.zeros((0, 3)))


def test_new_token_attends_to_itself(solution, reference):
    """The new key/value are appended BEFORE attending: the current token is one of the keys."""
    rng = np.random.default_rng(1)
    W_q, W_k, W_v = weights(rng, 3, 3, 2)
    x = np.array([2.0, -1.0, 0.5])
    check(solution, reference, x, W_q, W_k, W_v, rng.normal(size=(2, 3)), rng.normal(size=(2, 2)))


@pytest.mark.parametrize("seed", range(4))
def test_decoding_matches_full_causal_attention(solution, reference, seed):
    """Seeded random sequences decoded token by token from empty caches: every step's output is
    the last row of full causal attention over the prefix, and the caches hold its keys/values."""
    rng = np.random.default_rng(10 + seed)
    n, d_model, d_k, d_v = 3 + seed, int(rng.integers(2, 6)), int(rng.integers(1, 6)), int(rng.integers(1, 6))
    decode(solution, rng.normal(size=(n, d_model)), *weights(rng, d_model, d_k, d_v))


def test_one_step_after_a_long_prefix(solution, reference):
    """Caches of 20 tokens built from earlier tokens: the step equals the last row of full causal
    attention over all 21 tokens."""
    rng = np.random.default_rng(2)
    X = rng.normal(size=(21, 6))
    W_q, W_k, W_v = weights(rng, 6, 4, 5)
    full_out, K, V = full_causal_attention(X, W_q, W_k, W_v)
    got = unpack(call(solution.attention_step, X[-1], W_q, W_k, W_v, K[:-1].copy(), V[:-1].copy()))
    assert_close(got[0], full_out[-1], rtol=RTOL, atol=ATOL, what="output")
    assert_close(got[1], K, rtol=RTOL, atol=ATOL, what="new_k_cache")
    assert_close(got[2], V, rtol=RTOL, atol=ATOL, what="new_v_cache")


def test_scaled_by_square_root_of_dk(solution, reference):
    """d_k = 16: the scores are divided by 4 (not by 16, not by 1)."""
    rng = np.random.default_rng(3)
    W_q, W_k, W_v = weights(rng, 5, 16, 3, scale=0.6)
    check(solution, reference, rng.normal(size=5), W_q, W_k, W_v, rng.normal(size=(4, 16)), rng.normal(size=(4, 3)))


def test_different_key_and_value_sizes(solution, reference):
    """d_model=4, d_k=2, d_v=5: the cache shapes grow to (t+1, 2) and (t+1, 5)."""
    rng = np.random.default_rng(4)
    W_q, W_k, W_v = weights(rng, 4, 2, 5)
    check(solution, reference, rng.normal(size=4), W_q, W_k, W_v, rng.normal(size=(3, 2)), rng.normal(size=(3, 5)))


def test_new_entry_goes_last(solution, reference):
    """The new key and value are appended at the END of the caches (row t), after the old rows."""
    W = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    k_cache, v_cache = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 1.0], [2.0, 0.0]])
    check(solution, reference, np.array([1.0, -1.0, 2.0]), W, W, W, k_cache, v_cache)


def test_output_is_convex_combination(solution, reference):
    """The output is a weighted average of the t+1 value rows: inside their coordinate-wise range."""
    rng = np.random.default_rng(5)
    W_q, W_k, W_v = weights(rng, 3, 3, 4)
    x, kc, vc = rng.normal(size=3), rng.normal(size=(6, 3)), rng.normal(size=(6, 4))
    got = unpack(call(solution.attention_step, x, W_q, W_k, W_v, kc, vc))
    values = np.vstack([vc, x @ W_v])
    out = as_array(got[0], what="output:").astype(float)
    if out.shape != (4,) or np.any(out < values.min(0) - 1e-12) or np.any(out > values.max(0) + 1e-12):
        fail(f"output {short_repr(out)} is not a convex combination of the value rows "
             f"(range {short_repr(values.min(0))} .. {short_repr(values.max(0))}).", got=got[0])
    check(solution, reference, x, W_q, W_k, W_v, kc, vc)


def test_large_scores_are_stable(solution, reference):
    """Scores in the thousands: no overflow or nan (subtract the maximum score)."""
    rng = np.random.default_rng(6)
    W_q, W_k, W_v = weights(rng, 4, 4, 2, scale=15.0)
    check(solution, reference, rng.normal(size=4) * 3, W_q, W_k, W_v, rng.normal(size=(5, 4)) * 40,
          rng.normal(size=(5, 2)))


def test_very_negative_scores(solution, reference):
    """All scores far below 0 (around -1000): still a proper softmax, no 0 / 0."""
    k_cache = np.array([[-500.0, 0.0], [-499.0, 1.0]])
    check(solution, reference, np.array([3.0, 0.0]), I2, I2 * -300.0, I2, k_cache, np.array([[1.0, 0.0], [0.0, 1.0]]))


@pytest.mark.parametrize("seed", range(3))
def test_random_caches(solution, reference, seed):
    """Seeded random caches (not from the same projections) of several lengths, vs the reference."""
    rng = np.random.default_rng(20 + seed)
    d_model, d_k, d_v, t = (int(v) for v in rng.integers(1, 7, size=4))
    W_q, W_k, W_v = weights(rng, d_model, d_k, d_v, scale=1.5)
    check(solution, reference, rng.normal(size=d_model), W_q, W_k, W_v, rng.normal(size=(t, d_k)),
          rng.normal(size=(t, d_v)))


def test_integer_inputs(solution, reference):
    """Integer inputs and caches give the float result."""
    check(solution, reference, np.array([1, 2]), np.array([[1, 0], [0, 1]]), np.array([[0, 1], [1, 0]]),
          np.array([[2, 0], [1, 1]]), np.array([[1, 1], [0, 2]]), np.array([[3, 0], [0, 3]]))


def test_float32_inputs(solution, reference):
    """float32 inputs decode correctly (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(7)
    X = rng.normal(size=(4, 3)).astype(np.float32)
    decode(solution, X, *(w.astype(np.float32) for w in weights(rng, 3, 2, 2)), rtol=RTOL32, atol=ATOL32)


def test_inputs_not_modified(solution, reference):
    """x_t, the weights and the caches are left untouched; the caches come back as new arrays
    (checked by the grader on every call)."""
    rng = np.random.default_rng(8)
    W_q, W_k, W_v = weights(rng, 3, 3, 3)
    check(solution, reference, rng.normal(size=3), W_q, W_k, W_v, rng.normal(size=(3, 3)), rng.normal(size=(3, 3)))


def speed_case():
    rng = np.random.default_rng(0)
    W_q, W_k, W_v = weights(rng, 64, 64, 64, scale=0.1)
    return {"function": "attention_step",
            "args": (rng.normal(size=64), W_q, W_k, W_v, rng.normal(size=(4000, 64)), rng.normal(size=(4000, 64)))}
