import numpy as np


def maxpool2d(x, size=2, stride=2):
    n_batch, channels, h, w = x.shape
    h_out = (h - size) // stride + 1
    w_out = (w - size) // stride + 1
    out = np.empty((n_batch, channels, h_out, w_out), dtype=x.dtype)
    for n in range(n_batch):
        for c in range(channels):
            for i in range(h_out):
                for j in range(w_out):
                    out[n, c, i, j] = x[n, c, i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out
