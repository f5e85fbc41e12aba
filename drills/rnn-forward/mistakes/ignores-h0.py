import numpy as np


def rnn_forward(X, h0, Wxh, Whh, bh):
    T, N, _ = X.shape
    hidden = Whh.shape[0]
    H_all = np.zeros((T, N, hidden))
    h = np.zeros((N, hidden))  # always start from a zero state
    for t in range(T):
        h = np.tanh(X[t] @ Wxh + h @ Whh + bh)
        H_all[t] = h
    return H_all, h
