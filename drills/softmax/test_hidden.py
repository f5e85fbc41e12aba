"""Hidden tests for `softmax`. Tolerances: RTOL=1e-9, ATOL=1e-100 (relative: float64 rounding only,
so tiny probabilities such as exp(-40) must keep their digits; clipping the logits fails);
float32 inputs are compared with RTOL32=1e-5, ATOL32=1e-6 since a float32 result is accepted."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call

RTOL, ATOL = 1e-9, 1e-100
RTOL32, ATOL32 = 1e-5, 1e-6


def check(solution, reference, x, axis=None, rtol=RTOL, atol=ATOL):
    kwargs = {} if axis is None else {"axis": axis}
    expected = reference.softmax(x.copy(), **kwargs)
    got = call(solution.softmax, x, **kwargs)
    assert_close(got, expected, rtol=rtol, atol=atol)


EXAMPLE = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])


def test_worked_example_last_axis(solution, reference):
    """The example from the task, default axis (each row sums to 1)."""
    check(solution, reference, EXAMPLE)


def test_worked_example_axis0(solution, reference):
    """The example from the task with axis=0 (each column sums to 1)."""
    check(solution, reference, EXAMPLE, axis=0)


def test_large_logits(solution, reference):
    """softmax([1000, 1001]) = [0.269, 0.731]: no overflow to inf / nan."""
    check(solution, reference, np.array([1000.0, 1001.0]))


def test_very_negative_logits(solution, reference):
    """softmax([-1000, -999]) = [0.269, 0.731]: no underflow to 0 / 0."""
    check(solution, reference, np.array([-1000.0, -999.0]))


def test_wide_range_in_one_slice(solution, reference):
    """Logits from -500 to 500 in one vector."""
    check(solution, reference, np.array([-500.0, 0.0, 499.0, 500.0]))


def test_slices_on_different_scales(solution, reference):
    """One row around +1000 and one around -1000: each row needs its own maximum."""
    check(solution, reference, np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1003.0]]))


def test_slices_on_different_scales_axis0(solution, reference):
    """Columns on very different scales, normalized along axis 0."""
    check(solution, reference, np.array([[800.0, -900.0], [801.0, -901.0], [799.5, -899.0]]), axis=0)


def test_square_matrix(solution, reference):
    """A square matrix, both axes: keepdims matters even when the shapes happen to broadcast."""
    x = np.array([[0.0, 1.0, 2.0], [5.0, 1.0, -1.0], [3.0, 3.0, 0.0]])
    check(solution, reference, x)
    check(solution, reference, x, axis=0)


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
def test_3d_every_axis(solution, reference, axis):
    """A (2, 3, 4) array normalized along each axis, positive and negative indices."""
    check(solution, reference, np.random.default_rng(5).normal(0, 3, size=(2, 3, 4)), axis=axis)


def test_single_element_and_single_class(solution, reference):
    """One logit gives probability 1; a (4, 1) matrix gives a column of ones."""
    check(solution, reference, np.array([7.5]))
    check(solution, reference, np.array([[-3.0], [0.0], [2.0], [1e3]]))


def test_ties_give_uniform(solution, reference):
    """Equal logits give equal probabilities 1/k."""
    check(solution, reference, np.full((2, 5), 3.7))


def test_tiny_probabilities_keep_their_digits(solution, reference):
    """softmax([0, -35, -40, -100, -700]): probabilities 6e-16 ... 1e-304 are compared relatively
    (rtol 1e-9), so clipping the shifted logits (e.g. at -30) or adding an eps fails."""
    check(solution, reference, np.array([[0.0, -35.0, -40.0, -100.0, -700.0], [5.0, -40.0, 3.0, -60.0, 4.0]]))
    check(solution, reference, np.array([[0.0, 1.0], [-45.0, -3.0], [2.0, 0.5]]), axis=0)


def test_masked_minus_inf(solution, reference):
    """-inf entries (masked) get probability 0; the others share the mass."""
    check(solution, reference, np.array([[0.0, -np.inf, 1.0], [-np.inf, 2.0, -np.inf]]))


def test_integer_input(solution, reference):
    """Integer logits give float probabilities."""
    check(solution, reference, np.array([[1, 2, 3], [0, 0, 10]]))


def test_float32_input(solution, reference):
    """Float32 logits work (a float32 or float64 result is accepted)."""
    x = np.random.default_rng(2).normal(0, 5, size=(4, 6)).astype(np.float32)
    check(solution, reference, x, rtol=RTOL32, atol=ATOL32)


@pytest.mark.parametrize("seed", range(4))
def test_random(solution, reference, seed):
    """Seeded random logits: several shapes, scales and axes."""
    rng = np.random.default_rng(seed)
    ndim = int(rng.integers(1, 4))
    shape = tuple(int(s) for s in rng.integers(2, 6, size=ndim))
    axis = int(rng.integers(-ndim, ndim))
    check(solution, reference, rng.normal(size=shape) * [1.0, 10.0, 100.0, 1000.0][seed], axis=axis)


def test_input_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    check(solution, reference, np.array([[2.0, 1.0], [0.0, 5.0], [1.0, 1.0]]))


def speed_case():
    return {"function": "softmax", "args": (np.random.default_rng(0).normal(size=(5_000, 10)),)}
