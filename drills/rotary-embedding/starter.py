"""Rotary position embedding (RoPE), from scratch with NumPy."""

import numpy as np


def apply_rope(x, positions, base=10000.0):
    """Rotate every pair (x[..., 2i], x[..., 2i+1]) of token t by positions[t] * base^(-2i/d).

    x: (..., seq, d) with d even (integers are fine); positions: (seq,) token positions.
    Returns a new float array of x's shape; raise ValueError if d is odd. Do not modify x.
    """
    # TODO: one inverse frequency per pair: base ** (-2i / d) for i = 0 .. d/2 - 1
    # TODO: angles = positions[:, None] * inv_freq  -> (seq, d/2); cos and sin of them
    # TODO: even = x[..., 0::2], odd = x[..., 1::2]; rotate each pair by its angle
    raise NotImplementedError
