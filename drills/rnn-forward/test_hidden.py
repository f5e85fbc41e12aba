"""Hidden tests for `rnn_forward`. Tolerance: RTOL=1e-7, ATOL=1e-9 on both outputs (matrix products
and tanh in float64; the order of operations may differ from the reference); RTOL_F32=1e-5,
ATOL_F32=1e-6 for float32 inputs, which a solution may keep in float32."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-7, 1e-9
RTOL_F32, ATOL_F32 = 1e-5, 1e-6


def assert_close_at(got, expected, name, rtol=RTOL, atol=ATOL):
    """assert_close, naming the array (drillkit reports the first wrong entry of big arrays)."""
    assert_close(got, expected, rtol=rtol, atol=atol, what=name)


def check(solution, reference, X, h0, Wxh, Whh, bh, rtol=RTOL, atol=ATOL):
    H_exp, h_exp = reference.rnn_forward(X.copy(), h0.copy(), Wxh.copy(), Whh.copy(), bh.copy())
    got = call(solution.rnn_forward, X, h0, Wxh, Whh, bh)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {short_repr(got)}; return a pair (H_all, h_T).", got=got)
    assert_close_at(got[0], H_exp, "H_all", rtol=rtol, atol=atol)
    assert_close_at(got[1], h_exp, "h_T", rtol=rtol, atol=atol)


def rand_case(rng, T, N, D, H, scale=0.5):
    return (rng.normal(size=(T, N, D)), rng.normal(size=(N, H)), rng.normal(size=(D, H)) * scale,
            rng.normal(size=(H, H)) * scale, rng.normal(size=H) * scale)


def test_worked_example(solution, reference):
    """The example from the task: T=2, one input, one hidden unit."""
    check(solution, reference, np.array([[[1.0]], [[2.0]]]), np.array([[0.0]]), np.array([[0.5]]),
          np.array([[1.0]]), np.array([0.1]))


def test_recurrent_weights_orientation(solution, reference):
    """A non-symmetric Whh: the update uses h_{t-1} @ Whh, not Whh @ h_{t-1}."""
    X = np.array([[[1.0, 0.0]], [[0.0, 0.0]], [[0.0, 1.0]]])
    Whh = np.array([[0.0, 2.0], [-0.5, 0.0]])
    check(solution, reference, X, np.array([[0.3, -0.2]]), np.eye(2), Whh, np.array([0.0, 0.1]))


def test_nonzero_initial_state(solution, reference):
    """h0 is used as the state before the first step."""
    rng = np.random.default_rng(1)
    X, _, Wxh, Whh, bh = rand_case(rng, 3, 2, 2, 3)
    check(solution, reference, X, np.array([[2.0, -1.0, 0.5], [-1.5, 0.0, 1.0]]), Wxh, Whh * 3, bh)


def test_state_is_carried_between_steps(solution, reference):
    """Zero inputs after the first step: later states come only from the recurrence."""
    X = np.zeros((4, 1, 1))
    X[0] = 1.0
    check(solution, reference, X, np.zeros((1, 2)), np.array([[1.0, -1.0]]), np.array([[0.9, 0.3], [-0.4, 0.8]]),
          np.zeros(2))


def test_bias_inside_tanh_every_step(solution, reference):
    """Zero weights: every state is tanh(bh)."""
    check(solution, reference, np.ones((3, 2, 2)), np.ones((2, 3)), np.zeros((2, 3)), np.zeros((3, 3)),
          np.array([2.0, -1.0, 0.5]))


def test_single_time_step(solution, reference):
    """T = 1: H_all has one state, equal to h_T."""
    rng = np.random.default_rng(2)
    check(solution, reference, *rand_case(rng, 1, 3, 4, 2))


def test_single_sequence(solution, reference):
    """N = 1: a batch of one sequence keeps its batch axis."""
    rng = np.random.default_rng(3)
    check(solution, reference, *rand_case(rng, 5, 1, 3, 4))


def test_input_and_hidden_sizes_differ(solution, reference):
    """input_size != hidden: Wxh is (input_size, hidden)."""
    rng = np.random.default_rng(4)
    check(solution, reference, *rand_case(rng, 4, 3, 6, 2))


def test_long_sequence(solution, reference):
    """T = 60: the last state depends on the whole chain of updates."""
    rng = np.random.default_rng(5)
    check(solution, reference, *rand_case(rng, 60, 4, 3, 5, scale=0.4))


def test_saturating_preactivations(solution, reference):
    """Large pre-activations saturate tanh at +-1 without overflow."""
    rng = np.random.default_rng(6)
    X, h0, Wxh, Whh, bh = rand_case(rng, 3, 2, 3, 3)
    check(solution, reference, X * 100, h0, Wxh * 50, Whh, bh)


def test_integer_inputs(solution, reference):
    """Integer inputs and weights give the float result."""
    check(solution, reference, np.array([[[1, 0]], [[0, 1]], [[1, 1]]]), np.array([[0, 1]]),
          np.array([[1, -1], [0, 1]]), np.array([[0, 1], [-1, 0]]), np.array([0, 1]))



def test_float32_inputs(solution, reference):
    """float32 sequences and weights work (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(8)
    check(solution, reference, *(a.astype(np.float32) for a in rand_case(rng, 5, 3, 2, 4)),
          rtol=RTOL_F32, atol=ATOL_F32)


@pytest.mark.parametrize("seed", range(4))
def test_random_sequences(solution, reference, seed):
    """Seeded random batches: lengths, batch size and layer sizes vary."""
    rng = np.random.default_rng(100 + seed)
    T, N, D, H = (int(v) for v in rng.integers(1, 7, size=4))
    check(solution, reference, *rand_case(rng, T, N, D, H, scale=float(rng.uniform(0.3, 1.2))))


def test_h0_not_modified(solution, reference):
    """h0 (and every other input) is left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(7)
    check(solution, reference, *rand_case(rng, 3, 2, 2, 2))


def speed_case():
    rng = np.random.default_rng(0)
    # A large batch of small states: the per-sequence loop makes T * N = 30,000 tiny steps while the
    # reference makes 30 (the loop is about 40x slower here).
    return {"function": "rnn_forward", "args": rand_case(rng, 30, 1000, 4, 4, scale=0.3)}
