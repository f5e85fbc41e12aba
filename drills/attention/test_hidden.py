"""Hidden tests for `scaled_dot_product_attention`. Tolerance: RTOL=1e-7, ATOL=1e-10 on the output and
the weights (float64 softmax; -inf or -1e9 for masked scores both pass); masked weights must be exactly 0.
RTOL_F32=1e-5, ATOL_F32=1e-6 for float32 inputs, which a solution may keep in float32."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail, short_repr

RTOL, ATOL = 1e-7, 1e-10
RTOL_F32, ATOL_F32 = 1e-5, 1e-6

EX_Q = np.array([[1.0, 0.0], [0.0, 2.0]])
EX_K = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
EX_V = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]])


def assert_close_at(got, expected, name, rtol=RTOL, atol=ATOL):
    """assert_close, naming the array (drillkit reports the first wrong entry of big arrays)."""
    assert_close(got, expected, rtol=rtol, atol=atol, what=name)


def check(solution, reference, Q, K, V, mask=None, rtol=RTOL, atol=ATOL):
    kwargs = {} if mask is None else {"mask": mask}
    out_exp, w_exp = reference.scaled_dot_product_attention(Q.copy(), K.copy(), V.copy(),
                                                            **{k: v.copy() for k, v in kwargs.items()})
    got = call(solution.scaled_dot_product_attention, Q, K, V, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {short_repr(got)}; return a pair (output, weights).", got=got)
    assert_close_at(got[1], w_exp, "weights", rtol=rtol, atol=atol)
    if mask is not None:
        weights = as_array(got[1], what="weights:").astype(float)
        blocked = ~np.broadcast_to(mask, w_exp.shape)
        if np.any(weights[blocked] != 0):
            idx = tuple(int(i) for i in np.argwhere(blocked & (weights != 0))[0])
            fail(f"weights[{', '.join(map(str, idx))}] is {weights[idx]:.3g} at a masked position; masked "
                 "weights must be exactly 0.", got=got[1])
    assert_close_at(got[0], out_exp, "output", rtol=rtol, atol=atol)


def rand_qkv(rng, batch, n_q, n_k, d_k, d_v, scale=1.0):
    return (rng.normal(size=batch + (n_q, d_k)) * scale, rng.normal(size=batch + (n_k, d_k)) * scale,
            rng.normal(size=batch + (n_k, d_v)))


def test_worked_example(solution, reference):
    """The example from the task, without a mask."""
    check(solution, reference, EX_Q, EX_K, EX_V)


def test_worked_example_with_mask(solution, reference):
    """The example from the task: the first query may not attend to the third key."""
    check(solution, reference, EX_Q, EX_K, EX_V, np.array([[True, True, False], [True, True, True]]))


def test_scaled_by_square_root_of_dk(solution, reference):
    """d_k = 16: the scores are divided by 4 (not by 16, not by 1)."""
    rng = np.random.default_rng(1)
    check(solution, reference, *rand_qkv(rng, (), 3, 4, 16, 2, scale=0.7))


def test_softmax_over_keys(solution, reference):
    """n_q != n_k: each query's weights over the keys sum to 1."""
    rng = np.random.default_rng(2)
    check(solution, reference, *rand_qkv(rng, (), 5, 3, 4, 6))


def test_causal_mask(solution, reference):
    """A lower-triangular (causal) mask: query i only sees keys 0..i; masked weights are exactly 0."""
    rng = np.random.default_rng(3)
    check(solution, reference, *rand_qkv(rng, (), 5, 5, 3, 2), np.tril(np.ones((5, 5), dtype=bool)))


def test_mask_broadcast_over_batch(solution, reference):
    """A (n_q, n_k) causal mask shared by every sequence of a batch (B, n, d)."""
    rng = np.random.default_rng(4)
    check(solution, reference, *rand_qkv(rng, (3,), 4, 4, 5, 3), np.tril(np.ones((4, 4), dtype=bool)))


def test_padding_mask_per_sequence(solution, reference):
    """A (B, 1, n_k) key-padding mask, broadcast over the queries of each sequence."""
    rng = np.random.default_rng(5)
    mask = np.array([[[True, True, True, True, True]], [[True, True, True, False, False]]])
    check(solution, reference, *rand_qkv(rng, (2,), 3, 5, 4, 2), mask)


def test_batch_and_heads_axes(solution, reference):
    """Four axes (B, heads, n, d): K is transposed on its last two axes only."""
    rng = np.random.default_rng(6)
    check(solution, reference, *rand_qkv(rng, (2, 3), 4, 5, 6, 3))


def test_batched_without_mask(solution, reference):
    """Three axes (B, n, d) with n_q != n_k and d_v != d_k."""
    rng = np.random.default_rng(7)
    check(solution, reference, *rand_qkv(rng, (4,), 2, 6, 3, 5))


def test_all_true_mask_changes_nothing(solution, reference):
    """A mask that keeps every key gives the unmasked result."""
    rng = np.random.default_rng(8)
    check(solution, reference, *rand_qkv(rng, (2,), 3, 4, 2, 2), np.ones((3, 4), dtype=bool))


def test_large_scores_are_stable(solution, reference):
    """Scores in the thousands: no overflow, no nan (subtract the row maximum)."""
    rng = np.random.default_rng(9)
    check(solution, reference, *rand_qkv(rng, (2,), 3, 4, 4, 2, scale=40.0))


def test_rows_of_very_different_scales(solution, reference):
    """One query has scores near 1000, another near 1: each row is normalised with its own maximum."""
    Q = np.array([[[600.0, 0.0], [0.3, -0.2]], [[-0.5, 0.1], [0.0, -700.0]]])
    K = np.array([[[2.0, 1.0], [1.0, 2.0], [-1.0, 0.5]], [[0.5, 1.0], [1.0, 0.0], [0.0, 1.0]]])
    V = np.array([[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [[2.0, 0.0], [0.0, 2.0], [1.0, -1.0]]])
    check(solution, reference, Q, K, V)


def test_masked_large_scores(solution, reference):
    """The largest score of a row is masked out: the weight goes to the allowed keys."""
    Q = np.array([[10.0, 0.0], [0.0, 10.0]])
    K = np.array([[50.0, 0.0], [1.0, 1.0], [0.0, 2.0]])
    mask = np.array([[False, True, True], [True, False, True]])
    check(solution, reference, Q, K, np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), mask)


def test_single_key(solution, reference):
    """n_k = 1: every weight is 1 and the output repeats the single value row."""
    rng = np.random.default_rng(10)
    check(solution, reference, *rand_qkv(rng, (), 3, 1, 2, 3))


def test_single_query(solution, reference):
    """n_q = 1 with a padding mask."""
    rng = np.random.default_rng(11)
    check(solution, reference, *rand_qkv(rng, (), 1, 4, 3, 2), np.array([[True, False, True, True]]))


def test_integer_inputs(solution, reference):
    """Integer Q, K and V give the float result."""
    check(solution, reference, np.array([[1, 2], [0, -1]]), np.array([[1, 0], [2, 1], [0, 3]]),
          np.array([[1, 1], [0, 2], [3, 0]]))



def test_float32_inputs(solution, reference):
    """float32 Q, K, V with a causal mask (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(13)
    Q, K, V = (a.astype(np.float32) for a in rand_qkv(rng, (2,), 4, 4, 3, 2))
    check(solution, reference, Q, K, V, np.tril(np.ones((4, 4), dtype=bool)), rtol=RTOL_F32, atol=ATOL_F32)


@pytest.mark.parametrize("seed", range(4))
def test_random_attention(solution, reference, seed):
    """Seeded random batches, sizes and random masks (every row keeps at least one key)."""
    rng = np.random.default_rng(100 + seed)
    batch = tuple(int(v) for v in rng.integers(1, 4, size=int(rng.integers(0, 3))))
    n_q, n_k, d_k, d_v = (int(v) for v in rng.integers(1, 7, size=4))
    mask = rng.random(batch + (n_q, n_k)) < 0.7
    mask[..., 0] = True
    check(solution, reference, *rand_qkv(rng, batch, n_q, n_k, d_k, d_v, scale=2.0), mask)


def test_inputs_not_modified(solution, reference):
    """Q, K, V and the mask are left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(12)
    check(solution, reference, *rand_qkv(rng, (2,), 3, 3, 2, 2), np.tril(np.ones((3, 3), dtype=bool)))


def speed_case():
    rng = np.random.default_rng(0)
    Q, K, V = rand_qkv(rng, (8,), 64, 64, 32, 32, scale=0.3)
    return {"function": "scaled_dot_product_attention", "args": (Q, K, V),
            "kwargs": {"mask": np.tril(np.ones((64, 64), dtype=bool))}}
