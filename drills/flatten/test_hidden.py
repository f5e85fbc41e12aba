"""Hidden tests for `flatten`. Exact values expected (assert_equal): flattening only moves values."""

import numpy as np
import pytest

from mlprep.drillkit import assert_equal, call


def check(solution, reference, x):
    expected = reference.flatten(x.copy())
    got = call(solution.flatten, x)
    assert_equal(got, expected, what="flattened array")


def test_worked_example(solution, reference):
    """The example from the task: (2, 3, 2) -> (2, 6)."""
    check(solution, reference, np.arange(12).reshape(2, 3, 2))


def test_worked_example_1d(solution, reference):
    """The example from the task: (N,) -> (N, 1), one scalar feature per sample."""
    check(solution, reference, np.array([4, 5, 6]))


def test_nchw_feature_maps_in_c_order(solution, reference):
    """(N, C, H, W) maps are flattened channel by channel, row by row (C order, channels first)."""
    check(solution, reference, np.arange(2 * 3 * 2 * 4, dtype=float).reshape(2, 3, 2, 4))


def test_single_sample_keeps_batch_axis(solution, reference):
    """N = 1 gives shape (1, D), not (D,)."""
    check(solution, reference, np.arange(24.0).reshape(1, 2, 3, 4))


def test_single_sample_single_feature(solution, reference):
    """(1,) gives (1, 1), not a scalar."""
    check(solution, reference, np.array([7.5]))


def test_2d_input_unchanged(solution, reference):
    """(N, D) vectors are already flat: returned as they are."""
    check(solution, reference, np.arange(15.0).reshape(5, 3) - 4)


def test_1d_feature_maps(solution, reference):
    """(N, C, L) 1-D feature maps."""
    check(solution, reference, np.arange(2 * 4 * 5).reshape(2, 4, 5) * 0.5)


def test_singleton_feature_axes(solution, reference):
    """(N, 1, 1, 1) gives (N, 1)."""
    check(solution, reference, np.array([1.0, -2.0, 3.0]).reshape(3, 1, 1, 1))


def test_five_dimensional_input(solution, reference):
    """Any number of feature axes: (N, C, D, H, W)."""
    check(solution, reference, np.arange(2 * 2 * 3 * 2 * 2).reshape(2, 2, 3, 2, 2))


def test_non_contiguous_input(solution, reference):
    """A transposed (non-contiguous) array is flattened in the C order of its own indices."""
    base = np.arange(3 * 4 * 5 * 2, dtype=float).reshape(5, 4, 3, 2)
    check(solution, reference, base.transpose(3, 2, 1, 0))


def test_integer_and_boolean_inputs(solution, reference):
    """Integer and boolean arrays are flattened with their values unchanged."""
    check(solution, reference, np.arange(-8, 16).reshape(2, 3, 4))
    check(solution, reference, (np.arange(18).reshape(3, 2, 3) % 4) == 1)


@pytest.mark.parametrize("seed", range(4))
def test_random_shapes(solution, reference, seed):
    """Seeded random arrays with 1 to 5 axes."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(s) for s in rng.integers(1, 5, size=int(rng.integers(1, 6))))
    check(solution, reference, rng.normal(size=shape))


def test_input_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    check(solution, reference, np.arange(8.0).reshape(2, 2, 2))
