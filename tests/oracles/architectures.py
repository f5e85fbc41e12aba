"""Independent oracles for the numeric questions of content/08-architectures.yaml.

Shapes are obtained by actually sliding windows over NumPy arrays and parameter counts by building
the weight tensors and summing their sizes, rather than re-evaluating the YAML formulas.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(width, k, stride, pad=0):
    x = np.pad(np.zeros(int(width)), int(pad))
    return sliding_window_view(x, int(k))[:: int(stride)].shape[0]


def receptive_field(L, K):
    # impulse response of L stacked stride-1 convolutions: its support is the receptive field
    resp = np.ones(1)
    for _ in range(int(L)):
        resp = np.convolve(resp, np.ones(int(K)))
    return int(np.count_nonzero(resp))


def conv_output_size(W, K, P, S):
    return _windows(W, K, S, P)


def pool_output_size(W, F, S):
    return _windows(W, F, S)


def conv_params(K, C_in, C_out):
    weights = np.zeros((C_out, C_in, K, K))
    bias = np.zeros(C_out)
    return weights.size + bias.size


def dense_after_flatten_params(W, K, F, N):
    image = np.zeros((W, W))
    conv = sliding_window_view(image, (K, K))[:, :, 0, 0]          # 'valid', stride 1
    pooled = sliding_window_view(conv, (2, 2))[::2, ::2, 0, 0]     # 2x2 max pool, stride 2
    fmap = np.zeros(pooled.shape + (F,))
    flat = fmap.reshape(-1)
    return np.zeros((flat.size, N)).size + np.zeros(N).size


def linear_rnn_grad(w, T):
    # d h_T / d h_0 by multiplying the per-step Jacobians of h_t = w h_{t-1} + u x_t
    jac = np.array([[1.0]])
    step = np.array([[float(w)]])
    for _ in range(int(T)):
        jac = step @ jac
    return float(jac[0, 0])


def _gated_rnn_params(blocks, x, h):
    total = 0
    for _ in range(blocks):
        W_in = np.zeros((h, x))
        W_rec = np.zeros((h, h))
        bias = np.zeros(h)
        total += W_in.size + W_rec.size + bias.size
    return total


def lstm_params(x, h):
    return _gated_rnn_params(4, x, h)  # input, forget, output gates + cell candidate


def gru_params(x, h):
    return _gated_rnn_params(3, x, h)  # update gate, reset gate, candidate


def attention_scale(d_k):
    q = np.ones(d_k)
    # the factor that maps ||q||^2 = d_k for an all-ones vector to sqrt(d_k): 1/||q||
    return float(1.0 / np.linalg.norm(q))


def attention_score_count(n):
    Q = np.zeros((n, 4))
    K = np.zeros((n, 4))
    return (Q @ K.T).size


def heads_dim(d_model, h):
    x = np.zeros(d_model)
    return np.split(x, h)[0].size


def mha_params(d_model, h):
    d_k = d_model // h
    total = 0
    for _ in range(h):
        for _proj in ("q", "k", "v"):
            total += np.zeros((d_model, d_k)).size + np.zeros(d_k).size
    total += np.zeros((h * d_k, d_model)).size + np.zeros(d_model).size  # W_O
    return total



def receptive_field_strided(k1, k2, k3):
    # walk from one output unit back to the input: a window [lo, hi] at a layer's output covers
    # [lo·s, hi·s + k − 1] at its input (conv k×k stride 1, pool 2×2 stride 2)
    layers = [(k1, 1), (2, 2), (k2, 1), (2, 2), (k3, 1)]
    lo, hi = 0, 0
    for k, s in reversed(layers):
        lo, hi = lo * s, hi * s + int(k) - 1
    return hi - lo + 1


def small_kernel_savings(K, C):
    # build the weight tensors: one K×K layer vs the stack of 3×3 layers reaching the same field
    big = np.zeros((int(C), int(C), int(K), int(K))).size
    layers, field = 0, 1
    while field < K:
        field += 2
        layers += 1
    stack = sum(np.zeros((int(C), int(C), 3, 3)).size for _ in range(layers))
    return big - stack


ORACLES = {
    "architectures-cnn-receptive-01": receptive_field,
    "architectures-cnn-outsize-01": conv_output_size,
    "architectures-cnn-pool-03": pool_output_size,
    "architectures-cnn-params-01": conv_params,
    "architectures-cnn-flatten-02": dense_after_flatten_params,
    "architectures-rnn-vanishing-01": linear_rnn_grad,
    "architectures-lstm-params-01": lstm_params,
    "architectures-gru-params-01": gru_params,
    "architectures-attention-scale-01": attention_scale,
    "architectures-attention-scores-01": attention_score_count,
    "architectures-mha-dk-01": heads_dim,
    "architectures-mha-params-01": mha_params,
    "architectures-receptive-stride-param-01": receptive_field_strided,
    "architectures-small-kernels-param-01": small_kernel_savings,
}
