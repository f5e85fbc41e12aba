"""Hidden tests for `sinusoidal_positional_encoding`. Tolerance: RTOL=1e-9, ATOL=1e-9 (sin and cos of
angles up to a few hundred radians in float64; any exact formula for the frequencies passes)."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-9


def check(solution, reference, seq_len, d_model):
    expected = reference.sinusoidal_positional_encoding(seq_len, d_model)
    got = call(solution.sinusoidal_positional_encoding, seq_len, d_model)
    arr = as_array(got)
    if arr.shape == expected.shape and expected.size > 12 and np.isfinite(arr).all():
        bad = ~np.isclose(arr.astype(float), expected, rtol=RTOL, atol=ATOL)
        if bad.any():
            pos, j = (int(v) for v in np.argwhere(bad)[0])
            kind = "sin" if j % 2 == 0 else "cos"
            fail(f"PE[{pos}, {j}] should be {kind}({pos} / 10000^({2 * (j // 2)}/{d_model})) = {expected[pos, j]:.6g}, "
                 f"got {arr[pos, j]:.6g} ({int(bad.sum())} of {bad.size} entries are wrong).",
                 expected=expected, got=got)
    assert_close(got, expected, rtol=RTOL, atol=ATOL)


def test_worked_example(solution, reference):
    """The example from the task: seq_len=3, d_model=4."""
    check(solution, reference, 3, 4)


def test_worked_example_odd_d_model(solution, reference):
    """The example from the task: seq_len=2, d_model=5 (the last column is a sine)."""
    check(solution, reference, 2, 5)


def test_d_model_one(solution, reference):
    """d_model = 1: a single sine column sin(pos)."""
    check(solution, reference, 6, 1)


def test_d_model_two(solution, reference):
    """d_model = 2: sin(pos) and cos(pos)."""
    check(solution, reference, 5, 2)


def test_single_position(solution, reference):
    """seq_len = 1: position 0 gives [0, 1, 0, 1, ...]."""
    check(solution, reference, 1, 8)


def test_long_sequence(solution, reference):
    """200 positions, d_model = 64: every frequency must be exact at large positions."""
    check(solution, reference, 200, 64)


@pytest.mark.parametrize("d_model", [3, 7, 33])
def test_odd_d_model(solution, reference, d_model):
    """Odd d_model: same formula, denominator d_model, last column a sine."""
    check(solution, reference, 60, d_model)


def test_transformer_size(solution, reference):
    """The base Transformer size d_model = 512 on a few positions."""
    check(solution, reference, 12, 512)


@pytest.mark.parametrize("seed", range(4))
def test_random_sizes(solution, reference, seed):
    """Seeded random sizes."""
    rng = np.random.default_rng(100 + seed)
    check(solution, reference, int(rng.integers(1, 120)), int(rng.integers(1, 40)))


def speed_case():
    # 64 positions of a d_model = 512 table: the double loop makes 32,768 Python steps, each with a
    # math.sin or math.cos; the reference makes one np.sin and one np.cos call (20 to 45 times faster, by CPU).
    return {"function": "sinusoidal_positional_encoding", "args": (64, 512)}
