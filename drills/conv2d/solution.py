"""2-D convolution (cross-correlation, as in deep-learning frameworks) with stride and zero padding."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, w, b, stride=1, padding=0):
    """Convolve a batch of images x (N, C_in, H, W) with filters w (C_out, C_in, KH, KW), add b (C_out,).

    Returns (N, C_out, H_out, W_out) with H_out = (H + 2*padding - KH) // stride + 1 (same for W).
    """
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    kh, kw = w.shape[2:]
    # Zero padding on all four sides of every feature map (not on the batch or channel axes).
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    # Every KH x KW window as a view (no copy): (N, C_in, H_p - KH + 1, W_p - KW + 1, KH, KW);
    # keeping every stride-th window start gives exactly (H_p - KH) // stride + 1 rows.
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    # Cross-correlation: multiply each window by each filter (no flip) and sum over C_in, KH, KW.
    out = np.einsum("nchwij,ocij->nohw", windows, w)
    return out + np.asarray(b, dtype=float)[None, :, None, None]
