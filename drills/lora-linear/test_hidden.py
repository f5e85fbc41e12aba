"""Hidden tests for `lora_forward` and `lora_merge`. Tolerance: RTOL=1e-9, ATOL=1e-10 (matrix
products in float64: rounding only; the merged and unmerged paths sum in different orders);
float32 inputs: RTOL32=1e-5, ATOL32=1e-5. Random cases are also compared with an independent
einsum implementation written here."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-10
RTOL32, ATOL32 = 1e-5, 1e-5

EX_X = np.array([[1.0, 2.0]])
EX_W = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
EX_A = np.array([[1.0, -1.0], [0.0, 1.0]])
EX_B = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 1.0]])


def einsum_forward(x, W, A, B, alpha, r):
    """Independent reference: y_o = sum_i W_oi x_i + (alpha/r) sum_k B_ok sum_i A_ki x_i."""
    x, W, A, B = (np.asarray(a, dtype=float) for a in (x, W, A, B))
    return np.einsum("...i,oi->...o", x, W) + (alpha / r) * np.einsum("ok,ki,...i->...o", B, A, x)


def check_forward(solution, reference, x, W, A, B, alpha, r, rtol=RTOL, atol=ATOL):
    expected = reference.lora_forward(*(np.copy(a) for a in (x, W, A, B)), alpha, r)
    got = call(solution.lora_forward, x, W, A, B, alpha, r)
    assert_close(got, expected, rtol=rtol, atol=atol)
    assert_close(got, einsum_forward(x, W, A, B, alpha, r), rtol=rtol, atol=atol,
                 what="output (vs an einsum implementation)")
    return as_array(got).astype(float)


def check_merge(solution, reference, W, A, B, alpha, r, rtol=RTOL, atol=ATOL):
    expected = reference.lora_merge(*(np.copy(a) for a in (W, A, B)), alpha, r)
    got = call(solution.lora_merge, W, A, B, alpha, r)
    assert_close(got, expected, rtol=rtol, atol=atol, what="merged weight")
    return as_array(got).astype(float)


def rand_layer(rng, n_in, n_out, r, scale_b=1.0):
    return (rng.normal(size=(n_out, n_in)), rng.normal(size=(r, n_in)), rng.normal(size=(n_out, r)) * scale_b)


def test_worked_example_forward(solution, reference):
    """The example from the task: in=2, out=3, r=2, alpha=4 (scale 2) gives [[-1, 6, 3]]."""
    check_forward(solution, reference, EX_X, EX_W, EX_A, EX_B, 4, 2)


def test_worked_example_merge(solution, reference):
    """The example from the task: W + 2·B A = [[3, -2], [0, 3], [5, -1]]."""
    check_merge(solution, reference, EX_W, EX_A, EX_B, 4, 2)


@pytest.mark.parametrize("seed", range(3))
def test_merged_forward_equals_unmerged(solution, reference, seed):
    """x @ lora_merge(...).T equals lora_forward(x, ...): merging adds no inference cost and
    changes nothing."""
    rng = np.random.default_rng(seed)
    n_in, n_out, r = (int(v) for v in rng.integers(2, 9, size=3))
    W, A, B = rand_layer(rng, n_in, n_out, r)
    x = rng.normal(size=(5, n_in))
    alpha = float(rng.choice([1.0, 8.0, 16.0, 32.0]))
    y = check_forward(solution, reference, x, W, A, B, alpha, r)
    merged = check_merge(solution, reference, W, A, B, alpha, r)
    assert_close(x @ merged.T, y, rtol=RTOL, atol=ATOL, what="x @ merged.T (vs lora_forward)")


def test_zero_B_is_the_base_model(solution, reference):
    """B initialised to zero (as LoRA does): the adapted layer is exactly the frozen layer x Wᵀ."""
    rng = np.random.default_rng(3)
    W, A, _ = rand_layer(rng, 6, 4, 3)
    B = np.zeros((4, 3))
    x = rng.normal(size=(7, 6))
    y = check_forward(solution, reference, x, W, A, B, 16, 3)
    assert_close(y, x @ W.T, rtol=RTOL, atol=ATOL, what="output with B = 0")
    merged = check_merge(solution, reference, W, A, B, 16, 3)
    assert_close(merged, W, rtol=0, atol=0, what="merged weight with B = 0")


def test_scale_is_alpha_over_r(solution, reference):
    """alpha=16, r=4 scale the update by 4 (not 16, not 1/4); alpha = r scales by 1."""
    rng = np.random.default_rng(4)
    W, A, B = rand_layer(rng, 5, 5, 4)
    x = rng.normal(size=(3, 5))
    check_forward(solution, reference, x, W, A, B, 16, 4)
    check_merge(solution, reference, W, A, B, 16, 4)
    check_forward(solution, reference, x, W, A, B, 4, 4)


def test_fractional_scale(solution, reference):
    """Integer alpha=3 and r=2 give a scale of 1.5 (true division, not 3 // 2 = 1)."""
    rng = np.random.default_rng(5)
    W, A, B = rand_layer(rng, 3, 4, 2)
    check_forward(solution, reference, rng.normal(size=(2, 3)), W, A, B, 3, 2)
    check_merge(solution, reference, W, A, B, 3, 2)


def test_square_layer_catches_transposes(solution, reference):
    """in = out = r: every shape fits, so only the values reveal x W instead of x Wᵀ, or
    Aᵀ Bᵀ instead of B A in the merge."""
    rng = np.random.default_rng(6)
    W, A, B = rand_layer(rng, 4, 4, 4)
    x = rng.normal(size=(3, 4))
    check_forward(solution, reference, x, W, A, B, 8, 4)
    check_merge(solution, reference, W, A, B, 8, 4)


def test_shapes(solution, reference):
    """in=7, out=3, r=2: the output is (n, 3) and the merged weight (3, 7)."""
    rng = np.random.default_rng(7)
    W, A, B = rand_layer(rng, 7, 3, 2)
    check_forward(solution, reference, rng.normal(size=(4, 7)), W, A, B, 4, 2)
    check_merge(solution, reference, W, A, B, 4, 2)


def test_single_vector_and_batch_axes(solution, reference):
    """x of shape (in,) gives (out,); x of shape (batch, seq, in) gives (batch, seq, out)."""
    rng = np.random.default_rng(8)
    W, A, B = rand_layer(rng, 5, 6, 2)
    check_forward(solution, reference, rng.normal(size=5), W, A, B, 2, 2)
    check_forward(solution, reference, rng.normal(size=(2, 3, 5)), W, A, B, 8, 2)


def test_rank_one(solution, reference):
    """r = 1: the update B A is an outer product."""
    rng = np.random.default_rng(9)
    W, A, B = rand_layer(rng, 4, 3, 1)
    check_forward(solution, reference, rng.normal(size=(2, 4)), W, A, B, 1, 1)
    check_merge(solution, reference, W, A, B, 2, 1)


def test_merge_then_unmerge(solution, reference):
    """Merging with alpha and then with -alpha gives W back (the merge is exactly additive)."""
    rng = np.random.default_rng(10)
    W, A, B = rand_layer(rng, 5, 4, 3)
    merged = check_merge(solution, reference, W, A, B, 6, 3)
    back = check_merge(solution, reference, merged, A, B, -6, 3)
    assert_close(back, W, rtol=RTOL, atol=ATOL, what="W after merge and unmerge")


@pytest.mark.parametrize("seed", range(3))
def test_random(solution, reference, seed):
    """Seeded random layers, ranks, alphas and batch sizes, vs the reference and einsum."""
    rng = np.random.default_rng(100 + seed)
    n_in, n_out = int(rng.integers(1, 12)), int(rng.integers(1, 12))
    r = int(rng.integers(1, 6))
    W, A, B = rand_layer(rng, n_in, n_out, r, scale_b=0.5)
    alpha = float(rng.uniform(0.5, 64))
    check_forward(solution, reference, rng.normal(size=(int(rng.integers(1, 6)), n_in)) * 3, W, A, B, alpha, r)
    check_merge(solution, reference, W, A, B, alpha, r)


def test_rank_mismatch_raises(solution, reference):
    """r must match A's rows and B's columns (r=3 with a rank-2 A and B), and r >= 1: ValueError."""
    rng = np.random.default_rng(11)
    W, A, B = rand_layer(rng, 4, 3, 2)
    for fn, args in ((solution.lora_forward, (rng.normal(size=(2, 4)), W, A, B, 8, 3)),
                     (solution.lora_merge, (W, A, B, 8, 3)),
                     (solution.lora_merge, (W, A, B[:, :1], 8, 2)),
                     (solution.lora_merge, (W, A[:0], B[:, :0], 8, 0))):
        try:
            call(fn, *args)
        except ValueError:
            continue
        fail("returned a result although r does not match A (r, in) and B (out, r); raise ValueError.")


def test_integer_inputs(solution, reference):
    """Integer x, W, A, B give the float result."""
    x, W = np.array([[1, 2], [3, -1]]), np.array([[1, 0], [2, 1], [0, -1]])
    A, B = np.array([[1, 1]]), np.array([[1], [0], [2]])
    check_forward(solution, reference, x, W, A, B, 3, 1)
    check_merge(solution, reference, W, A, B, 3, 1)


def test_float32_inputs(solution, reference):
    """float32 inputs (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(12)
    W, A, B = (a.astype(np.float32) for a in rand_layer(rng, 6, 5, 2))
    x = rng.normal(size=(4, 6)).astype(np.float32)
    check_forward(solution, reference, x, W, A, B, 16, 2, rtol=RTOL32, atol=ATOL32)
    check_merge(solution, reference, W, A, B, 16, 2, rtol=RTOL32, atol=ATOL32)


def test_inputs_not_modified(solution, reference):
    """W, A, B and x are left untouched: the merge returns a new array (checked by the grader)."""
    rng = np.random.default_rng(13)
    W, A, B = rand_layer(rng, 3, 3, 2)
    check_merge(solution, reference, W, A, B, 4, 2)
    check_forward(solution, reference, rng.normal(size=(2, 3)), W, A, B, 4, 2)


def speed_case():
    rng = np.random.default_rng(0)
    W, A, B = rand_layer(rng, 8, 8, 2)
    return {"function": "lora_forward", "args": (rng.normal(size=(20_000, 8)), W, A, B, 16.0, 2)}
