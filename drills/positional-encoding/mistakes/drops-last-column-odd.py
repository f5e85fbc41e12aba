import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    pos = np.arange(seq_len)[:, None]
    i = np.arange(d_model // 2)
    angles = pos / 10000 ** (2 * i / d_model)
    pe = np.empty((seq_len, 2 * (d_model // 2)))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe  # d_model - 1 columns when d_model is odd
