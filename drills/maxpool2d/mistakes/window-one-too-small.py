import numpy as np


def maxpool2d(x, size=2, stride=2):
    n, c, h, w = x.shape
    h_out = (h - size) // stride + 1
    w_out = (w - size) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            r, s = i * stride, j * stride
            out[:, :, i, j] = x[:, :, r:r + size - 1, s:s + size - 1].max(axis=(2, 3)) if size > 1 \
                else x[:, :, r, s]
    return out
