"""LSTM cell (one time step), from scratch with NumPy."""

import numpy as np


def lstm_cell(x, h_prev, c_prev, W, b):
    """One LSTM step for a batch.

    x: (N, D); h_prev, c_prev: (N, H); W: (D + H, 4H), first D rows for x, last H rows for h_prev;
    b: (4H,). Gate columns are stacked [i | f | g | o], each H wide: sigmoid for i, f, o; tanh for g.
    c = f * c_prev + i * g; h = o * tanh(c). Returns (h, c), each (N, H). Must not modify the inputs.
    """
    # TODO: z = [x, h_prev] @ W + b  (concatenate x first, along the feature axis)
    # TODO: split z into the four gates i, f, g, o (each H columns) and apply the activations
    #       (use a numerically stable sigmoid)
    # TODO: compute the new cell state c, then the new hidden state h; return (h, c)
    raise NotImplementedError
