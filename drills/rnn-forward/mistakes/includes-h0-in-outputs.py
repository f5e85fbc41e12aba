import numpy as np


def rnn_forward(X, h0, Wxh, Whh, bh):
    states = [h0]
    for x_t in X:
        states.append(np.tanh(x_t @ Wxh + states[-1] @ Whh + bh))
    H_all = np.stack(states)  # (T + 1, N, hidden): h0, h1, ..., hT
    return H_all, H_all[-1]
