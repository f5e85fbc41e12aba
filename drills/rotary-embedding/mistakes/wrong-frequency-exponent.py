"""Rotary position embedding (RoPE), interleaved pairs (2i, 2i+1) as in the RoFormer paper."""

import numpy as np


def apply_rope(x, positions, base=10000.0):
    """Rotate each pair (x[..., 2i], x[..., 2i+1]) of token p by the angle positions[p] * base^(-2i/d).

    x: (..., seq, d) with d even; positions: (seq,) token positions. Returns a new float array
    of x's shape.
    """
    x = np.asarray(x, dtype=float)
    d = x.shape[-1]
    if d % 2:
        raise ValueError("the last dimension of x must be even")
    # One frequency per pair: theta_i = base^(-2i/d), i = 0 .. d/2 - 1 (fast to slow).
    inv_freq = base ** (-np.arange(d // 2) / d)
    # Angle of every (position, pair): (seq, d/2); it broadcasts over any leading batch axes.
    angles = np.asarray(positions, dtype=float)[:, None] * inv_freq
    cos, sin = np.cos(angles), np.sin(angles)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    # A 2-D rotation of every pair: [cos -sin; sin cos] @ [even, odd].
    out[..., 0::2] = even * cos - odd * sin
    out[..., 1::2] = even * sin + odd * cos
    return out
