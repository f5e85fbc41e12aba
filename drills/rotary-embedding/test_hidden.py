"""Hidden tests for `apply_rope`. Tolerance: RTOL=1e-9, ATOL=1e-12 (float64 rounding only); for
positions of 10^5 and more the angles themselves carry rounding of ~1e-10 rad, so those cases use
ATOL_BIG=1e-7. The result is compared with the reference and with an independent complex-number
implementation (pair (2i, 2i+1) as the complex number x_2i + j·x_2i+1, multiplied by e^{j·pos·θ_i})."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
ATOL_BIG = 1e-7

EX_X = np.array([[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 2.0]])
EX_POS = np.array([1, 2])


def complex_rope(x, positions, base=10000.0):
    """Independent implementation: interleaved pairs as complex numbers times e^{j·angle}."""
    x = np.asarray(x, dtype=float)
    d = x.shape[-1]
    z = x[..., ::2] + 1j * x[..., 1::2]
    theta = np.exp(-np.log(base) * (2 * np.arange(d // 2)) / d)
    rotated = z * np.exp(1j * np.outer(np.asarray(positions, dtype=float), theta))
    out = np.stack([rotated.real, rotated.imag], axis=-1)
    return out.reshape(x.shape)


def check(solution, reference, x, positions, atol=ATOL, **kwargs):
    expected = reference.apply_rope(np.copy(x), np.copy(positions), **kwargs)
    got = call(solution.apply_rope, x, positions, **kwargs)
    assert_close(got, expected, rtol=RTOL, atol=atol)
    assert_close(got, complex_rope(x, positions, **kwargs), rtol=RTOL, atol=atol,
                 what="result (vs the complex-number implementation)")
    return as_array(got).astype(float)


def test_worked_example(solution, reference):
    """The example from the task: d = 4, positions 1 and 2, frequencies 1 and 0.01."""
    check(solution, reference, EX_X, EX_POS)


def test_position_zero_is_identity(solution, reference):
    """At position 0 every angle is 0: the vectors come back unchanged."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(3, 6))
    got = check(solution, reference, x, np.zeros(3, dtype=int))
    assert_close(got, x, rtol=RTOL, atol=ATOL, what="result at position 0")


def test_single_pair_rotates_by_position(solution, reference):
    """d = 2: one pair, frequency base^0 = 1, so position p rotates by exactly p radians."""
    x = np.array([[1.0, 0.0], [0.0, 1.0], [3.0, 4.0]])
    check(solution, reference, x, np.array([1, 2, 3]))


def test_interleaved_pairs(solution, reference):
    """Pairs are (0, 1), (2, 3), ... (interleaved): a vector with only x[1] != 0 moves only within
    the first pair; x[2] alone moves within the second (not the half-split (i, i + d/2))."""
    x = np.zeros((2, 8))
    x[0, 1] = 1.0
    x[1, 2] = 1.0
    got = check(solution, reference, x, np.array([3, 3]))
    if np.any(np.abs(got[0, 2:]) > 1e-12) or np.any(np.abs(got[1, [0, 1, 4, 5, 6, 7]]) > 1e-12):
        fail("a coordinate leaked out of its pair; pair dimensions 2i and 2i+1.", got=got)


def test_frequency_of_each_pair(solution, reference):
    """At position 1, pair i turns by base^(-2i/d): unit vectors (1, 0) in every pair, d = 8."""
    x = np.tile([1.0, 0.0], 4)[None, :]
    check(solution, reference, x, np.array([1]))
    check(solution, reference, np.tile([0.0, 1.0], 5)[None, :], np.array([7]))


def test_norms_are_preserved(solution, reference):
    """A rotation keeps the norm of every pair, hence of every vector."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(6, 10))
    got = check(solution, reference, x, np.arange(0, 60, 10))
    pair = lambda a: np.hypot(a[:, 0::2], a[:, 1::2])  # noqa: E731
    assert_close(pair(got), pair(x), rtol=RTOL, atol=ATOL, what="pair norms")


def test_dot_product_depends_only_on_offset(solution, reference):
    """q at position m and k at position n: q_m . k_n depends only on m - n (here m - n = 3 at
    (5, 2), (13, 10) and (103, 100)), and equals the unrotated dot product at m = n."""
    rng = np.random.default_rng(3)
    q, k = rng.normal(size=16), rng.normal(size=16)
    x = np.stack([q, k, q, k, q, k, q, k])
    pos = np.array([5, 2, 13, 10, 103, 100, 7, 7])
    got = check(solution, reference, x, pos)
    dots = np.array([got[0] @ got[1], got[2] @ got[3], got[4] @ got[5]])
    assert_close(dots, np.full(3, dots[0]), rtol=1e-9, atol=1e-9, what="q_m . k_n for m - n = 3")
    assert_close(got[6] @ got[7], q @ k, rtol=1e-9, atol=1e-9, what="q_m . k_m")


def test_arbitrary_positions(solution, reference):
    """Positions need not be 0..seq-1: unordered, repeated and offset positions are used as given."""
    rng = np.random.default_rng(4)
    check(solution, reference, rng.normal(size=(5, 4)), np.array([7, 3, 3, 0, 42]))


def test_custom_base(solution, reference):
    """base=500 changes every frequency except the first."""
    rng = np.random.default_rng(5)
    check(solution, reference, rng.normal(size=(4, 6)), np.array([0, 1, 2, 9]), base=500.0)
    check(solution, reference, rng.normal(size=(2, 4)), np.array([4, 11]), base=10.0)


def test_large_positions_are_stable(solution, reference):
    """Positions up to 10^6 (long contexts): still a rotation, no drift (atol 1e-7)."""
    rng = np.random.default_rng(6)
    x = rng.normal(size=(4, 8))
    got = check(solution, reference, x, np.array([100_000, 250_000, 999_999, 1_000_000]), atol=ATOL_BIG)
    assert_close(np.linalg.norm(got, axis=1), np.linalg.norm(x, axis=1), rtol=1e-9, atol=1e-9, what="norms")


def test_batch_and_head_axes(solution, reference):
    """x of shape (batch, heads, seq, d) with positions (seq,): the same rotation for every head."""
    rng = np.random.default_rng(7)
    check(solution, reference, rng.normal(size=(2, 3, 5, 6)), np.arange(5))


@pytest.mark.parametrize("seed", range(4))
def test_random(solution, reference, seed):
    """Seeded random vectors, even dimensions 2..32 and positions 0..4096."""
    rng = np.random.default_rng(100 + seed)
    seq, d = int(rng.integers(1, 9)), 2 * int(rng.integers(1, 17))
    check(solution, reference, rng.normal(size=(seq, d)) * 3, rng.integers(0, 4097, size=seq))


def test_odd_dimension_raises(solution, reference):
    """d must be even (pairs): an odd last dimension raises ValueError."""
    try:
        call(solution.apply_rope, np.ones((2, 5)), np.arange(2))
    except ValueError:
        return
    fail("returned a result for d = 5; raise ValueError.")


def test_integer_and_list_inputs(solution, reference):
    """Integer x and a list of positions give the float result."""
    check(solution, reference, np.array([[1, 2, 3, 4], [0, -1, 2, 1]]), [2, 5])


def test_input_not_modified(solution, reference):
    """x and positions are left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(8)
    check(solution, reference, rng.normal(size=(3, 4)), np.array([1, 2, 3]))


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "apply_rope", "args": (rng.normal(size=(4, 256, 64)), np.arange(256))}
