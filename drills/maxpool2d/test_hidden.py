"""Hidden tests for `maxpool2d`. Exact values expected (RTOL=0, ATOL=0): a maximum involves no rounding."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 0.0, 0.0

EXAMPLE = np.array([[[[1, 3, 2, 0], [4, -1, 5, 6], [7, 8, -2, 1], [0, 2, 9, 3]]]])


def assert_close_at(got, expected, name="out"):
    """assert_close, naming the array (drillkit reports the first wrong entry of big arrays)."""
    assert_close(got, expected, rtol=RTOL, atol=ATOL, what=name)


def check(solution, reference, x, size, stride):
    expected = reference.maxpool2d(x.copy(), size=size, stride=stride)
    got = call(solution.maxpool2d, x, size=size, stride=stride)
    arr = as_array(got)
    if arr.shape != expected.shape:
        h, w = x.shape[2:]
        fail(f"expected an output of shape {expected.shape} = (N, C, H_out, W_out) with "
             f"H_out = ({h} − {size}) // {stride} + 1 = {expected.shape[2]} and "
             f"W_out = ({w} − {size}) // {stride} + 1 = {expected.shape[3]}, got shape {arr.shape}.",
             expected=expected, got=got)
    assert_close_at(got, expected)


def test_worked_example(solution, reference):
    """The example from the task: 2x2 windows, stride 2."""
    check(solution, reference, EXAMPLE, 2, 2)


def test_worked_example_overlapping(solution, reference):
    """The example from the task with size=3, stride=1 (overlapping windows)."""
    check(solution, reference, EXAMPLE, 3, 1)


def test_all_negative_values(solution, reference):
    """Negative feature maps: the maximum is negative, not 0."""
    rng = np.random.default_rng(1)
    check(solution, reference, -rng.uniform(1, 5, size=(2, 2, 4, 6)), 2, 2)


@pytest.mark.parametrize("size,stride", [(3, 2), (2, 1), (4, 3)])
def test_stride_smaller_than_size(solution, reference, size, stride):
    """Overlapping windows (stride < size)."""
    rng = np.random.default_rng(10 * size + stride)
    check(solution, reference, rng.normal(size=(2, 3, 9, 8)), size, stride)


def test_stride_larger_than_size(solution, reference):
    """stride > size skips pixels between windows."""
    rng = np.random.default_rng(2)
    check(solution, reference, rng.normal(size=(1, 2, 8, 11)), 2, 3)


@pytest.mark.parametrize("h,w", [(5, 7), (7, 5), (3, 3)])
def test_floor_drops_partial_windows(solution, reference, h, w):
    """H, W not multiples of the stride: windows that do not fit are dropped (floor)."""
    rng = np.random.default_rng(h * 10 + w)
    check(solution, reference, rng.normal(size=(2, 2, h, w)), 2, 2)


def test_size_one_is_identity(solution, reference):
    """size=1, stride=1 returns the input values unchanged."""
    rng = np.random.default_rng(3)
    check(solution, reference, rng.normal(size=(2, 3, 4, 5)), 1, 1)


def test_window_covers_whole_map(solution, reference):
    """size = H = W: one output per sample and channel (global max pooling)."""
    rng = np.random.default_rng(4)
    check(solution, reference, rng.normal(size=(3, 4, 5, 5)), 5, 1)


def test_channels_and_samples_pooled_separately(solution, reference):
    """Each (sample, channel) map has its own maxima: no pooling across channels or the batch."""
    x = np.zeros((2, 3, 4, 4))
    x[0, 0] = 1.0
    x[1, 2, 3, 3] = 7.0
    x[0, 1, 0, 2] = -3.0
    check(solution, reference, x - 0.5, 2, 2)


def test_single_sample_single_channel(solution, reference):
    """N = 1, C = 1 on a non-square map."""
    check(solution, reference, np.arange(12.0).reshape(1, 1, 3, 4)[:, :, ::-1, :], 2, 1)


def test_integer_input(solution, reference):
    """Integer feature maps give the same values."""
    rng = np.random.default_rng(5)
    check(solution, reference, rng.integers(-20, 20, size=(2, 2, 6, 6)), 3, 3)


def test_ties_and_constant_maps(solution, reference):
    """Repeated values and constant windows."""
    x = np.array([[[[2.0, 2.0, 1.0, 1.0], [2.0, 2.0, 1.0, 1.0], [0.0, 5.0, 5.0, 0.0], [5.0, 0.0, 0.0, 5.0]]]])
    check(solution, reference, x, 2, 2)



def test_float32_input(solution, reference):
    """float32 maps give the same maxima (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(7)
    check(solution, reference, rng.normal(size=(2, 2, 5, 6)).astype(np.float32), 2, 2)


@pytest.mark.parametrize("seed", range(5))
def test_random_maps(solution, reference, seed):
    """Seeded random batches: shapes, window sizes and strides vary."""
    rng = np.random.default_rng(100 + seed)
    size, stride = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    h, w = (int(v) for v in rng.integers(size, 13, size=2))
    n, c = (int(v) for v in rng.integers(1, 4, size=2))
    check(solution, reference, rng.normal(size=(n, c, h, w)) * 10, size, stride)


def test_input_not_modified(solution, reference):
    """x is left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(6)
    check(solution, reference, rng.normal(size=(1, 2, 4, 4)), 2, 2)


def speed_case():
    x = np.random.default_rng(0).normal(size=(2, 4, 64, 64))
    return {"function": "maxpool2d", "args": (x,), "kwargs": {"size": 3, "stride": 1}}
