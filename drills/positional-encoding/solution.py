"""Sinusoidal positional encoding from "Attention Is All You Need"."""

import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    """(seq_len, d_model) array: PE[pos, 2i] = sin(pos / 10000^(2i/d_model)), PE[pos, 2i+1] = cos(same angle)."""
    pos = np.arange(seq_len)[:, None]  # (seq_len, 1)
    two_i = np.arange(0, d_model, 2)  # 2i for each sin/cos pair: ceil(d_model / 2) pairs
    # One angle per (position, pair) by broadcasting; the denominator is d_model even when it is odd.
    angles = pos / 10000 ** (two_i / d_model)  # (seq_len, ceil(d_model / 2))
    pe = np.empty((seq_len, d_model))
    # out= writes each result straight into its interleaved columns (no temporary arrays to copy).
    np.sin(angles, out=pe[:, 0::2])  # even columns 2i
    # Odd columns 2i + 1; with an odd d_model the last pair has no cosine column.
    np.cos(angles[:, : d_model // 2], out=pe[:, 1::2])
    return pe
