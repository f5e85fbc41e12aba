"""Hidden tests for `conv2d`. Tolerance: RTOL=1e-7, ATOL=1e-9 (sums of products in float64; the
order of summation may differ from the reference); RTOL_F32=1e-5, ATOL_F32=1e-5 for float32
inputs, which a solution may keep in float32."""

import numpy as np
import pytest

from mlprep.drillkit import as_array, assert_close, call, fail

RTOL, ATOL = 1e-7, 1e-9
RTOL_F32, ATOL_F32 = 1e-5, 1e-5


def assert_close_at(got, expected, name="out", rtol=RTOL, atol=ATOL):
    """assert_close, naming the array (drillkit reports the first wrong entry of big arrays)."""
    assert_close(got, expected, rtol=rtol, atol=atol, what=name)


def check(solution, reference, x, w, b, stride=1, padding=0, rtol=RTOL, atol=ATOL):
    expected = reference.conv2d(x.copy(), w.copy(), b.copy(), stride=stride, padding=padding)
    got = call(solution.conv2d, x, w, b, stride=stride, padding=padding)
    arr = as_array(got)
    if arr.shape != expected.shape:
        n, _, h, wd = x.shape
        c_out, _, kh, kw = w.shape
        fail(f"expected an output of shape {expected.shape} = (N, C_out, H_out, W_out) with "
             f"H_out = ({h} + 2·{padding} − {kh}) // {stride} + 1 = {expected.shape[2]} and "
             f"W_out = ({wd} + 2·{padding} − {kw}) // {stride} + 1 = {expected.shape[3]}, got shape {arr.shape}.",
             expected=expected, got=got)
    assert_close_at(got, expected, rtol=rtol, atol=atol)


def rand_case(rng, n, c_in, c_out, h, wd, kh, kw):
    return (rng.normal(size=(n, c_in, h, wd)), rng.normal(size=(c_out, c_in, kh, kw)), rng.normal(size=c_out))


def test_worked_example(solution, reference):
    """The example from the task: a 3x3 image, a 2x2 filter, stride 1, no padding."""
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    check(solution, reference, x, np.array([[[[1.0, 2.0], [0.0, -1.0]]]]), np.array([0.5]))


def test_worked_example_stride_and_padding(solution, reference):
    """The example from the task with stride=2, padding=1."""
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    check(solution, reference, x, np.array([[[[1.0, 2.0], [0.0, -1.0]]]]), np.array([0.5]), stride=2, padding=1)


def test_kernel_is_not_flipped(solution, reference):
    """An asymmetric kernel: cross-correlation, as in deep-learning frameworks (no flip)."""
    x = np.array([[[[1.0, 2.0, 0.0, -1.0], [0.0, 3.0, 1.0, 2.0], [4.0, -2.0, 1.0, 0.0]]]])
    w = np.array([[[[1.0, 0.0, 0.0], [0.0, 0.0, 2.0]]]])
    check(solution, reference, x, w, np.array([0.0]))


def test_same_padding_zero_border(solution, reference):
    """3x3 kernel with padding=1 keeps the size; the border sees zeros on all four sides."""
    rng = np.random.default_rng(1)
    check(solution, reference, rng.normal(size=(1, 1, 5, 5)), rng.normal(size=(1, 1, 3, 3)), np.array([0.2]), padding=1)


@pytest.mark.parametrize("h,wd,k,stride", [(7, 7, 3, 2), (8, 7, 3, 2), (9, 6, 2, 3), (6, 6, 3, 3)])
def test_stride_output_size_uses_floor(solution, reference, h, wd, k, stride):
    """Strides where (H + 2P - K) is not a multiple of S: the output size is floored."""
    rng = np.random.default_rng(h * 10 + wd + stride)
    check(solution, reference, *rand_case(rng, 2, 2, 3, h, wd, k, k), stride=stride)


def test_stride_and_padding_together(solution, reference):
    """padding=2 and stride=3 on a non-square image."""
    rng = np.random.default_rng(2)
    check(solution, reference, *rand_case(rng, 2, 3, 2, 7, 10, 3, 3), stride=3, padding=2)


def test_rectangular_kernel_on_non_square_image(solution, reference):
    """KH != KW and H != W: no height/width mix-up."""
    rng = np.random.default_rng(3)
    check(solution, reference, *rand_case(rng, 1, 2, 2, 5, 8, 2, 4), stride=1, padding=1)


def test_sums_over_input_channels(solution, reference):
    """Several input and output channels and a batch: each output channel sums over all inputs."""
    rng = np.random.default_rng(4)
    check(solution, reference, *rand_case(rng, 3, 4, 5, 6, 6, 3, 3))


def test_bias_added_once_per_output_channel(solution, reference):
    """With all-zero filters the output is exactly the bias of each output channel, everywhere."""
    rng = np.random.default_rng(5)
    check(solution, reference, rng.normal(size=(2, 3, 4, 4)), np.zeros((3, 3, 2, 2)), np.array([1.5, -2.0, 0.25]),
          padding=1)


def test_one_by_one_convolution(solution, reference):
    """A 1x1 kernel mixes channels pixel by pixel."""
    rng = np.random.default_rng(6)
    check(solution, reference, *rand_case(rng, 2, 3, 4, 3, 5, 1, 1))


def test_kernel_as_large_as_image(solution, reference):
    """KH = H and KW = W: a single output pixel per channel."""
    rng = np.random.default_rng(7)
    check(solution, reference, *rand_case(rng, 2, 2, 3, 4, 3, 4, 3))


def test_kernel_larger_than_image_with_padding(solution, reference):
    """A 5x5 kernel on a 3x3 image is valid with padding=1 (5 <= 3 + 2)."""
    rng = np.random.default_rng(8)
    check(solution, reference, *rand_case(rng, 1, 1, 2, 3, 3, 5, 5), padding=1)


def test_integer_inputs(solution, reference):
    """Integer images, filters and biases give the exact float result."""
    rng = np.random.default_rng(9)
    x = rng.integers(-5, 6, size=(2, 2, 5, 5))
    w = rng.integers(-3, 4, size=(2, 2, 3, 3))
    check(solution, reference, x, w, np.array([1, -2]), stride=2, padding=1)



def test_float32_inputs(solution, reference):
    """float32 images and filters work (a float32 or float64 result is accepted)."""
    rng = np.random.default_rng(11)
    x, w, b = (a.astype(np.float32) for a in rand_case(rng, 2, 3, 2, 6, 5, 3, 2))
    check(solution, reference, x, w, b, stride=2, padding=1, rtol=RTOL_F32, atol=ATOL_F32)


@pytest.mark.parametrize("seed", range(5))
def test_random_layers(solution, reference, seed):
    """Seeded random layers: batch, channels, sizes, kernel, stride and padding all vary."""
    rng = np.random.default_rng(100 + seed)
    kh, kw = (int(v) for v in rng.integers(1, 5, size=2))
    stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    h = int(rng.integers(max(1, kh - 2 * padding), 12))
    wd = int(rng.integers(max(1, kw - 2 * padding), 12))
    n, c_in, c_out = (int(v) for v in rng.integers(1, 4, size=3))
    check(solution, reference, *rand_case(rng, n, c_in, c_out, h, wd, kh, kw), stride=stride, padding=padding)


def test_inputs_not_modified(solution, reference):
    """x, w and b are left untouched (checked by the grader on every call)."""
    rng = np.random.default_rng(10)
    check(solution, reference, *rand_case(rng, 1, 2, 2, 4, 4, 3, 3), padding=1)


def speed_case():
    rng = np.random.default_rng(0)
    x, w, b = rand_case(rng, 4, 3, 8, 32, 32, 3, 3)
    return {"function": "conv2d", "args": (x, w, b), "kwargs": {"stride": 1, "padding": 1}}
