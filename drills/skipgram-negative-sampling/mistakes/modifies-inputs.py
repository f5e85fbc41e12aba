"""One SGD step of skip-gram with negative sampling (word2vec)."""

import numpy as np


def _log_sigmoid(x):
    return -np.logaddexp(0.0, -x)                      # log σ(x) without overflow or log(0)


def _sigmoid(x):
    return np.exp(_log_sigmoid(x))


def sgns_step(W_in, W_out, center, context, negatives, lr):
    """Return (W_in_new, W_out_new, loss) for one (center, context) pair and its negative samples.

    loss = -log σ(u_o·v_c) - Σ_k log σ(-u_k·v_c), evaluated before the update; the inputs are
    not modified."""
    W_in = np.asarray(W_in, dtype=float)
    W_out = np.asarray(W_out, dtype=float)
    negatives = np.asarray(negatives, dtype=int).reshape(-1)
    v_c = W_in[center]
    u_o = W_out[context]
    U_neg = W_out[negatives]                           # (k, d); duplicates appear as repeated rows
    s_pos = u_o @ v_c
    s_neg = U_neg @ v_c                                # (k,)
    loss = -_log_sigmoid(s_pos) - np.sum(_log_sigmoid(-s_neg))
    g_pos = -_sigmoid(-s_pos)                          # dL/ds_pos = σ(s) - 1, without cancellation
    g_neg = _sigmoid(s_neg)                            # dL/ds_k = σ(s_k)
    grad_v = g_pos * u_o + g_neg @ U_neg
    # Every gradient uses the old parameters; rows that repeat (duplicate negatives, or the
    # context drawn as a negative) accumulate with np.add.at.
    rows = np.concatenate([[context], negatives])
    grads = np.concatenate([[g_pos], g_neg])[:, None] * v_c
    np.add.at(W_out, rows, -lr * grads)
    W_in[center] -= lr * grad_v
    return W_in, W_out, float(loss)
