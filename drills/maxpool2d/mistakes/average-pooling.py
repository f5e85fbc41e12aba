import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def maxpool2d(x, size=2, stride=2):
    windows = sliding_window_view(x, (size, size), axis=(2, 3))[:, :, ::stride, ::stride]
    return windows.mean(axis=(4, 5))
