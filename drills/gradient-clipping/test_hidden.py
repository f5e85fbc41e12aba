"""Hidden tests for `clip_by_global_norm`. Tolerances: RTOL=1e-6, ATOL=1e-12 on the exact factor
max_norm / total_norm. A PyTorch-style epsilon (max_norm / (total_norm + 1e-6)) is off by a relative
1e-6 / total_norm, so it fails on the small-norm tests (norms 0.05 and 0.002)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-6, 1e-12


def check(solution, reference, grads, max_norm):
    exp_grads, exp_norm = reference.clip_by_global_norm([g.copy() for g in grads], max_norm)
    got = call(solution.clip_by_global_norm, grads, max_norm)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"expected a tuple (clipped_grads, total_norm), got {type(got).__name__}"
             + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else "") + ".", got=got)
    clipped, norm = got
    if isinstance(clipped, np.ndarray) and clipped.dtype != object:
        clipped = list(clipped) if clipped.ndim and len(clipped) == len(grads) else [clipped]
    if not isinstance(clipped, (list, tuple)) or len(clipped) != len(grads):
        n = len(clipped) if isinstance(clipped, (list, tuple)) else 1
        fail(f"clipped_grads must be a list of {len(grads)} arrays (one per input array, same order), "
             f"got {n} item(s).", got=clipped)
    assert_close(norm, exp_norm, rtol=RTOL, atol=ATOL, scalar=True, what="total_norm (the norm before clipping)")
    for i, (g, e) in enumerate(zip(clipped, exp_grads)):
        assert_close(g, e, rtol=RTOL, atol=ATOL, what=f"clipped_grads[{i}]")


def test_worked_example(solution, reference):
    """The example from the task: norm 5 > 1, both arrays scaled by 1/5; total_norm is 5."""
    check(solution, reference, [np.array([3.0, 0.0]), np.array([[4.0]])], 1.0)


def test_worked_example_under_the_limit(solution, reference):
    """The example from the task with max_norm=10: unchanged, total_norm 5."""
    check(solution, reference, [np.array([3.0, 0.0]), np.array([[4.0]])], 10.0)


def test_exactly_at_the_limit(solution, reference):
    """A norm equal to max_norm is left unchanged."""
    check(solution, reference, [np.array([6.0, 8.0])], 10.0)


def test_global_not_per_array(solution, reference):
    """Norms 3 and 4, each under 4.5, but the global norm 5 exceeds it: both arrays are scaled by 0.9."""
    check(solution, reference, [np.array([3.0, 0.0]), np.array([0.0, 4.0])], 4.5)


def test_direction_is_preserved(solution, reference):
    """One large and one small component: the ratio between elements is kept (not clipping by value)."""
    check(solution, reference, [np.array([[10.0, -1.0], [0.5, 0.0]]), np.array([-2.0])], 1.0)


def test_small_gradients_not_scaled_up(solution, reference):
    """A tiny gradient (norm 0.05) under the limit is returned as it is, not stretched to max_norm."""
    check(solution, reference, [np.array([0.03, -0.04]), np.zeros(3)], 1.0)


def test_all_zero_gradients(solution, reference):
    """All-zero gradients have norm 0 and come back as zeros (no 0 / 0 = nan)."""
    check(solution, reference, [np.zeros((2, 3)), np.zeros(4)], 1.0)


def test_single_array(solution, reference):
    """A list holding one weight matrix."""
    check(solution, reference, [np.random.default_rng(1).normal(0, 5, size=(4, 3))], 2.0)


def test_scalar_and_3d_arrays(solution, reference):
    """A 0-d scalar gradient, a bias vector and a 3-D kernel together."""
    rng = np.random.default_rng(2)
    check(solution, reference, [np.array(7.0), rng.normal(size=5), rng.normal(size=(2, 3, 4))], 3.0)


def test_integer_gradients(solution, reference):
    """Integer arrays give float results."""
    check(solution, reference, [np.array([1, 2, 2]), np.array([[4, 0], [0, 0]])], 2.0)


def test_many_parameters(solution, reference):
    """A realistic model: ten arrays of different shapes with a large global norm."""
    rng = np.random.default_rng(3)
    shapes = [(8, 16), (16,), (16, 16), (16,), (16, 4), (4,), (3, 3, 2), (1,), (5, 1), ()]
    check(solution, reference, [rng.normal(0, 3, size=s) for s in shapes], 5.0)


def test_small_norm_is_clipped_exactly(solution, reference):
    """Norms 0.05 and 0.002 clipped to 0.01 and 0.001: the exact factor max_norm / total_norm (an epsilon
    such as PyTorch's + 1e-6 in the denominator is a relative error of 2e-5 and 5e-4 here)."""
    check(solution, reference, [np.array([0.03, -0.04]), np.zeros(3)], 0.01)
    check(solution, reference, [np.array([[0.0012]]), np.array([0.0016])], 0.001)


def test_small_max_norm(solution, reference):
    """max_norm = 0.001 shrinks everything by a large factor."""
    check(solution, reference, [np.array([1.0, -2.0]), np.array([[2.0, 4.0]])], 1e-3)


@pytest.mark.parametrize("seed", range(5))
def test_random(solution, reference, seed):
    """Seeded random lists of arrays; max_norm sometimes above and sometimes below the norm."""
    rng = np.random.default_rng(100 + seed)
    grads = []
    for _ in range(int(rng.integers(1, 6))):
        shape = tuple(int(s) for s in rng.integers(1, 5, size=int(rng.integers(0, 4))))
        grads.append(rng.normal(0, 10.0 ** rng.integers(-1, 3), size=shape))
    norm = np.sqrt(sum(float(np.sum(g ** 2)) for g in grads))
    check(solution, reference, grads, float(norm * [0.1, 0.5, 0.99, 1.5, 20.0][seed]))


def test_inputs_not_modified(solution, reference):
    """The caller's gradient arrays are not rescaled in place (checked by the grader)."""
    check(solution, reference, [np.array([30.0, 40.0]), np.array([[1.0, -1.0]])], 1.0)


def speed_case():
    rng = np.random.default_rng(0)
    return {"function": "clip_by_global_norm",
            "args": ([rng.normal(size=(200, 200)), rng.normal(size=200), rng.normal(size=(200, 10))], 1.0)}
