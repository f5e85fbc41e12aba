import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_cell(x, h_prev, c_prev, W, b):
    z = np.concatenate([x, h_prev], axis=1) @ W + b
    i, f, g, o = (sigmoid(part) for part in np.split(z, 4, axis=1))  # sigmoid on every gate
    c = f * c_prev + i * g
    return o * np.tanh(c), c
