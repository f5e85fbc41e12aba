import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    pos = np.arange(seq_len)[:, None]
    j = np.arange(d_model)
    angles = pos / 10000 ** (2 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.cos(angles), np.sin(angles))
