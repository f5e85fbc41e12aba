"""Vanilla RNN forward pass, from scratch with NumPy."""

import numpy as np


def rnn_forward(X, h0, Wxh, Whh, bh):
    """Run h_t = tanh(x_t @ Wxh + h_{t-1} @ Whh + bh) over the sequence, for the whole batch.

    X: (T, N, input_size); h0: (N, hidden); Wxh: (input_size, hidden); Whh: (hidden, hidden);
    bh: (hidden,).
    Returns (H_all, h_T): H_all (T, N, hidden) holds h_1..h_T (not h0), h_T (N, hidden) the last state.
    Must not modify the inputs (h0 included).
    """
    # TODO: allocate H_all with shape (T, N, hidden)
    # TODO: loop over time steps only; at each step update h for the whole batch with matrix products
    # TODO: store each new state in H_all and return (H_all, h_T)
    raise NotImplementedError
