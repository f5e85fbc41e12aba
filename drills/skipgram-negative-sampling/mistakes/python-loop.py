import numpy as np


def _sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def sgns_step(W_in, W_out, center, context, negatives, lr):
    W_in = np.array(W_in, dtype=float)
    W_out = np.array(W_out, dtype=float)
    v = W_in[center].copy()
    s = W_out[context] @ v
    loss = np.logaddexp(0.0, -s)
    g = -_sigmoid(-s)
    grad_v = g * W_out[context]
    W_out[context] -= lr * g * v
    old_out = np.array(W_out, dtype=float)
    for k in np.asarray(negatives, dtype=int).ravel().tolist():
        u = old_out[k] if k != context else old_out[k] + lr * g * v
        s_k = float(u @ v)
        loss += np.logaddexp(0.0, s_k)
        g_k = _sigmoid(s_k)
        grad_v += g_k * u
        W_out[k] -= lr * g_k * v
    W_in[center] -= lr * grad_v
    return W_in, W_out, float(loss)
