"""Sinusoidal positional encoding, from scratch with NumPy."""

import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    """Return the (seq_len, d_model) float array PE with, for pos = 0..seq_len-1,

    PE[pos, 2i] = sin(pos / 10000^(2i / d_model)) and PE[pos, 2i+1] = cos(pos / 10000^(2i / d_model)).
    Odd d_model: the last column is a sine; the denominator stays d_model.
    """
    # TODO: positions as a column (seq_len, 1), one frequency 1 / 10000 ** (2i / d_model) per pair as a row
    # TODO: angles by broadcasting: (seq_len, number of pairs)
    # TODO: sin of the angles in the even columns, cos in the odd columns (odd d_model: last column is a sin)
    raise NotImplementedError
