"""Vanilla (Elman) RNN forward pass over a whole sequence, vectorized over the batch."""

import numpy as np


def rnn_forward(X, h0, Wxh, Whh, bh):
    """Run h_t = tanh(x_t @ Wxh + h_{t-1} @ Whh + bh) for t = 1..T.

    X: (T, N, input_size); h0: (N, hidden); Wxh: (input_size, hidden); Whh: (hidden, hidden);
    bh: (hidden,). Returns (H_all, h_T): every hidden state (T, N, hidden) and the last one (N, hidden).
    """
    X = np.asarray(X, dtype=float)
    # The input term does not depend on the recurrence: compute it for all T steps in one product.
    input_terms = X @ Wxh + bh  # (T, N, hidden)
    H_all = np.empty(input_terms.shape)
    h = np.asarray(h0, dtype=float)
    # The recurrence itself is sequential: step t needs h_{t-1}, so loop over time only.
    for t in range(len(X)):
        h = np.tanh(input_terms[t] + h @ Whh)
        H_all[t] = h
    return H_all, h
