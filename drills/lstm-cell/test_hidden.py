"""Hidden tests for `lstm_cell`. Tolerance: RTOL=1e-7, ATOL=1e-9 on h and c (one matrix product
and a few element-wise functions in float64; any exact sigmoid formula passes); RTOL_F32=1e-5,
ATOL_F32=1e-6 for float32 inputs, which a solution may keep in float32."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail, short_repr

RTOL, ATOL = 1e-7, 1e-9
RTOL_F32, ATOL_F32 = 1e-5, 1e-6


def check(solution, reference, x, h_prev, c_prev, W, b, rtol=RTOL, atol=ATOL):
    h_exp, c_exp = reference.lstm_cell(x.copy(), h_prev.copy(), c_prev.copy(), W.copy(), b.copy())
    got = call(solution.lstm_cell, x, h_prev, c_prev, W, b)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned {short_repr(got)}; return a pair (h, c).", got=got)
    assert_close(got[0], h_exp, rtol=rtol, atol=atol, what="h (the first returned value)")
    assert_close(got[1], c_exp, rtol=rtol, atol=atol, what="c (the second returned value)")


def rand_case(rng, N, D, H, scale=0.6):
    return (rng.normal(size=(N, D)), rng.normal(size=(N, H)), rng.normal(size=(N, H)) * 2,
            rng.normal(size=(D + H, 4 * H)) * scale, rng.normal(size=4 * H) * scale)


def test_worked_example(solution, reference):
    """The example from the task (N = D = H = 1)."""
    check(solution, reference, np.array([[1.0]]), np.array([[0.5]]), np.array([[0.5]]),
          np.array([[1.0, 2.0, 0.5, -1.0], [0.0, 0.0, 1.0, 0.0]]), np.zeros(4))


def test_gate_order_from_biases(solution, reference):
    """Zero weights, a different bias per gate block: the gates are read in the order [i, f, g, o]."""
    b = np.array([0.3, -1.0, 2.0, 0.5, -0.7, 1.5, 1.2, -2.0])  # H = 2: i, f, g, o blocks of 2
    check(solution, reference, np.ones((2, 3)), np.ones((2, 2)), np.array([[1.0, -2.0], [0.5, 3.0]]),
          np.zeros((5, 8)), b)


def test_x_rows_come_first_in_W(solution, reference):
    """D = H and different x and h_prev: the first D rows of W multiply x, the last H rows h_prev."""
    W = np.zeros((4, 8))
    W[:2] = 1.0  # only x feeds the gates
    check(solution, reference, np.array([[0.5, -0.2]]), np.array([[2.0, -3.0]]), np.array([[0.1, 0.4]]), W,
          np.zeros(8))


def test_forget_gate_scales_old_cell(solution, reference):
    """A large old cell state: c = f * c_prev + i * g keeps a fraction f of it."""
    rng = np.random.default_rng(1)
    x, h, _, W, b = rand_case(rng, 3, 2, 3)
    check(solution, reference, x, h, np.array([[10.0, -8.0, 5.0], [0.0, 4.0, -6.0], [3.0, 3.0, -3.0]]), W, b)


def test_zero_initial_state(solution, reference):
    """h_prev = c_prev = 0 (the first step of a sequence)."""
    rng = np.random.default_rng(2)
    x, _, _, W, b = rand_case(rng, 4, 3, 2)
    check(solution, reference, x, np.zeros((4, 2)), np.zeros((4, 2)), W, b)


def test_large_preactivations_are_stable(solution, reference):
    """Pre-activations of about +-1000 saturate the gates without nan (a stable sigmoid)."""
    x = np.array([[1.0], [-1.0]])
    W = np.array([[1000.0, -1000.0, 1000.0, 1000.0, -900.0, 800.0, -1000.0, 700.0],
                  [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                  [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]])
    check(solution, reference, x, np.zeros((2, 2)), np.array([[1.0, -1.0], [2.0, 0.5]]), W, np.zeros(8))


def test_single_hidden_unit_batch(solution, reference):
    """H = 1 with a batch of five samples."""
    rng = np.random.default_rng(3)
    check(solution, reference, *rand_case(rng, 5, 3, 1))


def test_input_and_hidden_sizes_differ(solution, reference):
    """D = 5 and H = 3: W has shape (8, 12)."""
    rng = np.random.default_rng(4)
    check(solution, reference, *rand_case(rng, 2, 5, 3))


def test_integer_inputs(solution, reference):
    """Integer inputs, states and weights give the float result."""
    check(solution, reference, np.array([[1, 0], [0, 2]]), np.array([[1], [-1]]), np.array([[2], [0]]),
          np.array([[1, 0, -1, 1], [0, 1, 1, -1], [1, 1, 0, 2]]), np.array([0, 1, 0, -1]))



def test_float32_inputs(solution, reference):
    """float32 inputs and weights work (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(6)
    check(solution, reference, *(a.astype(np.float32) for a in rand_case(rng, 3, 2, 3)),
          rtol=RTOL_F32, atol=ATOL_F32)


@pytest.mark.parametrize("seed", range(4))
def test_random_cells(solution, reference, seed):
    """Seeded random cells: batch, input and hidden sizes vary."""
    rng = np.random.default_rng(100 + seed)
    N, D, H = (int(v) for v in rng.integers(1, 6, size=3))
    check(solution, reference, *rand_case(rng, N, D, H, scale=float(rng.uniform(0.3, 1.5))))


def test_inputs_not_modified(solution, reference):
    """x, h_prev, c_prev, W and b are left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(5)
    check(solution, reference, *rand_case(rng, 2, 2, 2))


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "lstm_cell", "args": rand_case(rng, 5000, 8, 8)}
