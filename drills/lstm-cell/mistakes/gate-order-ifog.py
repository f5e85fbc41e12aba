import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_cell(x, h_prev, c_prev, W, b):
    z = np.concatenate([x, h_prev], axis=1) @ W + b
    i, f, o, g = np.split(z, 4, axis=1)  # [i, f, o, g] (another common layout)
    c = sigmoid(f) * c_prev + sigmoid(i) * np.tanh(g)
    return sigmoid(o) * np.tanh(c), c
