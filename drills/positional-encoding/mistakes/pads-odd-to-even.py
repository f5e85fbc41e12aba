import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    d_even = d_model + d_model % 2  # round up to an even size, drop the extra column at the end
    pe = np.zeros((seq_len, d_even))
    pos = np.arange(seq_len)[:, None]
    div = 10000 ** (np.arange(0, d_even, 2) / d_even)
    pe[:, 0::2] = np.sin(pos / div)
    pe[:, 1::2] = np.cos(pos / div)
    return pe[:, :d_model]
