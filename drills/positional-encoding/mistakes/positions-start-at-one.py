import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    pos = np.arange(1, seq_len + 1)[:, None]
    j = np.arange(d_model)
    angles = pos / 10000 ** (2 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))
