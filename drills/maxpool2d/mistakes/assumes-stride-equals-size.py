import numpy as np


def maxpool2d(x, size=2, stride=2):
    n, c, h, w = x.shape
    h_out, w_out = h // size, w // size
    x = x[:, :, :h_out * size, :w_out * size]
    return x.reshape(n, c, h_out, size, w_out, size).max(axis=(3, 5))
