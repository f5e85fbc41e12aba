"""One step of an LSTM cell for a batch, with the four gates computed by a single matrix product."""

import numpy as np


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), written with tanh so that no exp() can overflow."""
    return 0.5 * (1 + np.tanh(0.5 * z))


def lstm_cell(x, h_prev, c_prev, W, b):
    """x (N, D), h_prev (N, H), c_prev (N, H), W (D + H, 4H), b (4H,) -> (h, c), each (N, H).

    The columns of W and b hold the gates in the order [input i | forget f | candidate g | output o].
    """
    # One product gives the pre-activations of all four gates: [x, h_prev] @ W + b, shape (N, 4H).
    z = np.concatenate([x, h_prev], axis=1) @ W + b
    # Cut the columns into the four gates, each H wide, in the order i, f, g, o.
    i, f, g, o = np.split(z, 4, axis=1)
    # New cell state: keep a fraction f of the old memory, write a fraction i of the candidate.
    c = sigmoid(f) * c_prev + sigmoid(i) * np.tanh(g)
    # New hidden state: the output gate reads a squashed view of the cell.
    h = sigmoid(o) * np.tanh(c)
    return h, c
