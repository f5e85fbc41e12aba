"""Hidden tests for `dense_forward` and `dense_backward`.

Tolerances: RTOL=1e-9, ATOL=1e-10 against the reference (matrix products in a different order
round differently). The finite-difference check uses central differences with step FD_STEP=1e-4
on L = sum(dZ * Z), which is linear in X, W and b, so the numeric gradient is exact up to
rounding; it must agree within FD_TOL=1e-6.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-10
FD_STEP, FD_TOL = 1e-4, 1e-6
NAMES = ("dX", "dW", "db")


def check_forward(solution, reference, X, W, b):
    expected = reference.dense_forward(X.copy(), W.copy(), b.copy())
    got = call(solution.dense_forward, X, W, b)
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what="Z")


def backward(solution, dZ, X, W):
    """Call the solution's backward pass and check it returned three things."""
    got = call(solution.dense_backward, dZ, X, W)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        fail(f"expected a tuple (dX, dW, db) of three arrays, got {type(got).__name__}"
             + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else "") + ".", got=got)
    return got


def check_backward(solution, reference, dZ, X, W):
    expected = reference.dense_backward(dZ.copy(), X.copy(), W.copy())
    got = backward(solution, dZ, X, W)
    for name, g, e in zip(NAMES, got, expected):
        assert_close(g, e, rtol=RTOL, atol=ATOL, what=name)


def random_case(rng, n, d_in, d_out):
    return (rng.normal(size=(n, d_in)), rng.normal(size=(d_in, d_out)), rng.normal(size=d_out),
            rng.normal(size=(n, d_out)))


EX_X = np.array([[1.0, 2.0]])
EX_W = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
EX_B = np.array([0.5, 0.0, -0.5])
EX_DZ = np.array([[1.0, 0.0, 2.0]])


def test_worked_example_forward(solution, reference):
    """The example from the task: Z = [[5.5, 2, -1.5]]."""
    check_forward(solution, reference, EX_X, EX_W, EX_B)


def test_worked_example_backward(solution, reference):
    """The example from the task: dX = [[-1, 2]], dW = [[1, 0, 2], [2, 0, 4]], db = [1, 0, 2]."""
    check_backward(solution, reference, EX_DZ, EX_X, EX_W)


def test_forward_bias_added_to_every_row(solution, reference):
    """With W = 0 every row of Z equals b."""
    check_forward(solution, reference, np.arange(8.0).reshape(4, 2), np.zeros((2, 3)), np.array([1.0, -2.0, 3.0]))


@pytest.mark.parametrize("shape", [(5, 3, 2), (1, 4, 6), (7, 1, 1), (6, 2, 9)])
def test_forward_random(solution, reference, shape):
    """Seeded random batches (n, d_in, d_out), including n = 1 and d_in = d_out = 1."""
    X, W, b, _ = random_case(np.random.default_rng(sum(shape)), *shape)
    check_forward(solution, reference, X, W, b)


@pytest.mark.parametrize("shape", [(5, 3, 2), (1, 4, 6), (7, 1, 1), (2, 6, 3), (40, 5, 4)])
def test_backward_random(solution, reference, shape):
    """Seeded random gradients for several (n, d_in, d_out): non-square shapes, n = 1, n = 40."""
    X, W, _, dZ = random_case(np.random.default_rng(100 + sum(shape)), *shape)
    check_backward(solution, reference, dZ, X, W)


def test_backward_square_weights(solution, reference):
    """A square W (d_in = d_out): shapes match either way, so W and W.T must not be confused."""
    X, W, _, dZ = random_case(np.random.default_rng(12), 4, 3, 3)
    check_backward(solution, reference, dZ, X, W)


def test_backward_all_square(solution, reference):
    """n = d_in = d_out: every transpose mistake still runs, and must give the wrong numbers."""
    X, W, _, dZ = random_case(np.random.default_rng(13), 3, 3, 3)
    check_backward(solution, reference, dZ, X, W)


def test_gradients_sum_over_the_batch(solution, reference):
    """Duplicating every sample doubles dW and db (sums, not means)."""
    X, W, _, dZ = random_case(np.random.default_rng(14), 3, 2, 4)
    check_backward(solution, reference, np.vstack([dZ, dZ]), np.vstack([X, X]), W)


@pytest.mark.parametrize("seed", range(2))
def test_backward_matches_finite_differences(solution, reference, seed):
    """dX, dW and db match central finite differences of L = sum(dZ * (X @ W + b))."""
    rng = np.random.default_rng(200 + seed)
    X, W, b, dZ = random_case(rng, 4, 3, 2)
    got = backward(solution, dZ, X, W)

    def loss(X_, W_, b_):
        return float(np.sum(dZ * reference.dense_forward(X_, W_, b_)))

    params = {"dX": X, "dW": W, "db": b}
    for name, g in zip(NAMES, got):
        p = params[name]
        numeric = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            plus, minus = p.copy(), p.copy()
            plus[idx] += FD_STEP
            minus[idx] -= FD_STEP
            args_p = {"dX": (plus, W, b), "dW": (X, plus, b), "db": (X, W, plus)}[name]
            args_m = {"dX": (minus, W, b), "dW": (X, minus, b), "db": (X, W, minus)}[name]
            numeric[idx] = (loss(*args_p) - loss(*args_m)) / (2 * FD_STEP)
        g = np.asarray(g, dtype=float)
        if g.shape != numeric.shape or not np.allclose(g, numeric, rtol=0, atol=FD_TOL):
            fail(f"{name} does not match the finite-difference gradient of L = sum(dZ * Z): expected "
                 f"shape {numeric.shape} with values {np.round(numeric, 6).tolist()}, got shape {g.shape} "
                 f"with values {np.round(g, 6).tolist()}.", expected=numeric, got=g)


def test_integer_inputs(solution, reference):
    """Integer arrays work for both passes."""
    X = np.array([[1, 2, 0], [3, -1, 2]])
    W = np.array([[1, 0], [2, -1], [0, 3]])
    check_forward(solution, reference, X, W, np.array([1, -1]))
    check_backward(solution, reference, np.array([[1, 0], [-2, 1]]), X, W)


def test_returns_three_gradients_in_order(solution, reference):
    """dense_backward returns (dX, dW, db) with shapes (n, d_in), (d_in, d_out), (d_out,)."""
    X, W, _, dZ = random_case(np.random.default_rng(15), 5, 4, 2)
    got = backward(solution, dZ, X, W)
    for name, g, shape in zip(NAMES, got, [(5, 4), (4, 2), (2,)]):
        if np.shape(g) != shape:
            fail(f"{name} has shape {np.shape(g)}; expected {shape} (the shape of "
                 f"{ {'dX': 'X', 'dW': 'W', 'db': 'b'}[name] }).", got=g)


def test_inputs_not_modified(solution, reference):
    """X, W, b and dZ are left untouched (checked by the grader on every call)."""
    X, W, b, dZ = random_case(np.random.default_rng(16), 3, 2, 2)
    check_forward(solution, reference, X, W, b)
    check_backward(solution, reference, dZ, X, W)


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "dense_backward",
            "args": (rng.normal(size=(20_000, 8)), rng.normal(size=(20_000, 16)), rng.normal(size=(16, 8)))}
