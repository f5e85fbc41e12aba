"""Independent oracles for the numeric questions of content/07-neural-networks.yaml.

Each function recomputes the answer from the definition with NumPy (arrays, layers, explicit
gradients) rather than re-evaluating the YAML expression.
"""

from __future__ import annotations

import numpy as np


def _sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def relu_sum(a, b, c, d):
    z = np.array([a, b, c, d], dtype=float)
    return float(np.clip(z, 0.0, None).sum())


def leaky_relu(x, alpha):
    z = np.array([x], dtype=float)
    return float(np.where(z > 0, z, alpha * z)[0])


def sigmoid_value(x):
    return float(_sigmoid(x))


def sigmoid_derivative(x, h=1e-6):
    # derivative by a central finite difference of the sigmoid itself
    return float((_sigmoid(x + h) - _sigmoid(x - h)) / (2 * h))


def softmax_first(z1, z2, z3):
    z = np.array([z1, z2, z3], dtype=float)
    e = np.exp(z - z.max())
    return float((e / e.sum())[0])


def binary_cross_entropy(y, p):
    # cross-entropy between the one-hot target and the predicted distribution [1-p, p]
    target = np.eye(2)[int(y)]
    probs = np.array([1.0 - p, p])
    return float(-(target * np.log(probs)).sum())


def dense_params(n_in, n_out):
    W = np.zeros((n_in, n_out))
    bias = np.zeros(n_out)
    return W.size + bias.size


def mlp_params(d_in, h1, h2, k):
    sizes = [d_in, h1, h2, k]
    return sum(np.zeros((a, b)).size + np.zeros(b).size for a, b in zip(sizes[:-1], sizes[1:]))


def he_std(n_in):
    return float(np.sqrt(np.float64(2.0) / n_in))


def xavier_std(n_in, n_out):
    # Glorot normal: variance = 1 / fan_avg with fan_avg = (fan_in + fan_out) / 2
    fan_avg = np.mean([n_in, n_out])
    return float(np.sqrt(1.0 / fan_avg))


def max_sigmoid_grad_product(L):
    grid = np.linspace(-10, 10, 20001)  # includes 0
    s = _sigmoid(grid)
    peak = float((s * (1 - s)).max())
    return float(np.prod(np.full(int(L), peak)))


def batchnorm_output(x, mu, var, gamma, beta):
    std = np.sqrt(np.float64(var))
    x_hat = np.subtract(x, mu) / std
    return float(np.add(np.multiply(gamma, x_hat), beta))


def bce_grad_w(w, b, x, y):
    # chain rule with each factor computed separately: dL/dp * dp/dz (finite difference) * dz/dw
    p = float(_sigmoid(w * x + b))
    dL_dp = -(y / p) + (1 - y) / (1 - p)
    dp_dz = sigmoid_derivative(w * x + b, h=1e-5)
    return dL_dp * dp_dz * x


ORACLES = {
    "neural-nets-relu-02": relu_sum,
    "neural-nets-relu-04": leaky_relu,
    "neural-nets-sigmoid-01": sigmoid_value,
    "neural-nets-sigmoid-02": sigmoid_derivative,
    "neural-nets-softmax-01": softmax_first,
    "neural-nets-loss-02": binary_cross_entropy,
    "neural-nets-backprop-02": bce_grad_w,
    "neural-nets-params-01": dense_params,
    "neural-nets-params-02": mlp_params,
    "neural-nets-init-02": he_std,
    "neural-nets-init-03": xavier_std,
    "neural-nets-vanishing-01": max_sigmoid_grad_product,
    "neural-nets-batchnorm-01": batchnorm_output,
}
