import numpy as np


def rnn_forward(X, h0, Wxh, Whh, bh):
    T, N, _ = X.shape
    H_all = np.zeros((T, N, Whh.shape[0]))
    for n in range(N):  # one sequence at a time
        h = h0[n]
        for t in range(T):
            h = np.tanh(X[t, n] @ Wxh + h @ Whh + bh)
            H_all[t, n] = h
    return H_all, H_all[-1].copy()
