import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    pos = np.arange(seq_len)[:, None]
    i = np.arange((d_model + 1) // 2)
    angles = pos / 10000 ** (2 * i / d_model)
    # all sines first, then all cosines (tensor2tensor layout)
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1)[:, :d_model]
