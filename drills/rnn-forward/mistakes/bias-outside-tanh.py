import numpy as np


def rnn_forward(X, h0, Wxh, Whh, bh):
    T, N, _ = X.shape
    H_all = np.zeros((T, N, Whh.shape[0]))
    h = h0
    for t in range(T):
        h = np.tanh(X[t] @ Wxh + h @ Whh) + bh
        H_all[t] = h
    return H_all, h
