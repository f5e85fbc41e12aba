"""2-D max pooling, from scratch with NumPy."""

import numpy as np


def maxpool2d(x, size=2, stride=2):
    """Max over each size x size window of every feature map, windows starting every `stride` pixels.

    x: (N, C, H, W) floats or ints (any sign). No padding; windows that do not fit are dropped.
    Returns (N, C, H_out, W_out) with H_out = (H - size) // stride + 1 (same for W_out).
    Must not modify x.
    """
    # TODO: compute H_out and W_out (floor)
    # TODO: gather the size x size windows, one every `stride` pixels in each direction
    # TODO: take the maximum over each window, separately per sample and channel
    raise NotImplementedError
