"""Hidden tests for `multi_head_attention`. Tolerance: RTOL=1e-7, ATOL=1e-9 (matrix products and a
float64 softmax; the order of operations may differ from the reference); RTOL_F32=1e-5, ATOL_F32=1e-6
for float32 inputs, which a solution may keep in float32."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-7, 1e-9
RTOL_F32, ATOL_F32 = 1e-5, 1e-6


def assert_close_at(got, expected, name="output", rtol=RTOL, atol=ATOL):
    """assert_close, naming the array (drillkit reports the first wrong entry of big arrays)."""
    assert_close(got, expected, rtol=rtol, atol=atol, what=name)


def check(solution, reference, X, Wq, Wk, Wv, Wo, n_heads, rtol=RTOL, atol=ATOL):
    expected = reference.multi_head_attention(X.copy(), Wq.copy(), Wk.copy(), Wv.copy(), Wo.copy(), n_heads)
    got = call(solution.multi_head_attention, X, Wq, Wk, Wv, Wo, n_heads)
    assert_close_at(got, expected, rtol=rtol, atol=atol)


def rand_case(rng, n, d_model, scale=1.0):
    w = 1.0 / np.sqrt(d_model)
    return (rng.normal(size=(n, d_model)) * scale,) + tuple(rng.normal(size=(d_model, d_model)) * w for _ in range(4))


def test_worked_example(solution, reference):
    """The example from the task: two tokens, d_model = 2, two heads of size 1."""
    eye = np.eye(2)
    check(solution, reference, eye, eye, eye, eye, np.array([[1.0, 1.0], [0.0, 2.0]]), 2)


def test_single_head(solution, reference):
    """n_heads = 1: plain attention on all columns, scaled by sqrt(d_model)."""
    rng = np.random.default_rng(1)
    check(solution, reference, *rand_case(rng, 4, 6), 1)


def test_two_heads(solution, reference):
    """d_model = 4, two heads of size 2 (contiguous column blocks)."""
    rng = np.random.default_rng(2)
    check(solution, reference, *rand_case(rng, 3, 4, scale=2.0), 2)


def test_four_heads_longer_sequence(solution, reference):
    """d_model = 8, four heads of size 2, n = 7 tokens (n != d_model)."""
    rng = np.random.default_rng(3)
    check(solution, reference, *rand_case(rng, 7, 8, scale=2.0), 4)


def test_head_size_one(solution, reference):
    """n_heads = d_model: every head has a single dimension."""
    rng = np.random.default_rng(4)
    check(solution, reference, *rand_case(rng, 5, 3, scale=2.0), 3)


def test_scaled_by_head_size(solution, reference):
    """d_head = 4 with d_model = 8: scores are divided by 2 (sqrt(d_head)), not sqrt(8)."""
    rng = np.random.default_rng(5)
    check(solution, reference, *rand_case(rng, 4, 8, scale=3.0), 2)


def test_single_token(solution, reference):
    """n = 1: every attention weight is 1, the output is (X Wv) Wo."""
    rng = np.random.default_rng(6)
    check(solution, reference, *rand_case(rng, 1, 4), 2)


def test_more_tokens_than_dimensions(solution, reference):
    """n = 9 tokens with d_model = 4: heads are split by columns, not by rows."""
    rng = np.random.default_rng(7)
    check(solution, reference, *rand_case(rng, 9, 4, scale=1.5), 2)


def test_large_activations_are_stable(solution, reference):
    """Scores in the thousands: a stable softmax gives no nan."""
    rng = np.random.default_rng(8)
    check(solution, reference, *rand_case(rng, 4, 4, scale=60.0), 2)


def test_tokens_of_very_different_scales(solution, reference):
    """One token has scores near 600, another near 0: each row of each head uses its own maximum."""
    X = np.array([[30.0, 0.0, 0.0, 30.0], [0.1, 0.0, 0.0, 0.1], [0.0, 0.2, -0.1, 0.0]])
    eye = np.eye(4)
    Wo = np.arange(16.0).reshape(4, 4) / 10
    check(solution, reference, X, eye, eye, eye, Wo, 2)


def test_integer_inputs(solution, reference):
    """Integer X and weights give the float result."""
    X = np.array([[1, 0, 2, -1], [0, 1, 1, 0], [2, -1, 0, 1]])
    Wq = np.array([[1, 0, 0, 1], [0, 1, 1, 0], [1, 1, 0, 0], [0, 0, 1, 1]])
    Wk = np.array([[0, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]])
    Wv = np.array([[1, 2, 0, 0], [0, 1, 0, 1], [1, 0, 1, 0], [0, 0, 2, 1]])
    Wo = np.array([[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 1, 1], [1, 0, 0, 1]])
    check(solution, reference, X, Wq, Wk, Wv, Wo, 2)



def test_float32_inputs(solution, reference):
    """float32 X and weights work (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(10)
    check(solution, reference, *(a.astype(np.float32) for a in rand_case(rng, 3, 4)), 2, rtol=RTOL_F32, atol=ATOL_F32)


@pytest.mark.parametrize("seed", range(4))
def test_random_layers(solution, reference, seed):
    """Seeded random layers: sequence length, head count and head size vary."""
    rng = np.random.default_rng(100 + seed)
    n_heads, d_head, n = int(rng.integers(1, 5)), int(rng.integers(1, 4)), int(rng.integers(1, 9))
    check(solution, reference, *rand_case(rng, n, n_heads * d_head, scale=float(rng.uniform(0.5, 3.0))), n_heads)


def test_inputs_not_modified(solution, reference):
    """X and the weight matrices are left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(9)
    check(solution, reference, *rand_case(rng, 3, 4), 2)


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "multi_head_attention", "args": rand_case(rng, 128, 64) + (4,)}
