"""2-D convolution layer (forward pass), from scratch with NumPy."""

import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    """Convolve a batch of images with a bank of filters (cross-correlation: no kernel flip).

    x: (N, C_in, H, W); w: (C_out, C_in, KH, KW); b: (C_out,); stride: int >= 1;
    padding: int >= 0 zero rows/columns added on every side of each feature map.
    Returns a float array (N, C_out, H_out, W_out), H_out = (H + 2*padding - KH) // stride + 1
    (same for W_out). Must not modify the inputs.
    """
    # TODO: zero-pad the two spatial axes on both sides (np.pad)
    # TODO: compute H_out and W_out
    # TODO: gather every KH x KW window, taking one window start every `stride` pixels
    # TODO: multiply the windows by the filters and sum over C_in, KH, KW; add the bias per channel
    raise NotImplementedError
