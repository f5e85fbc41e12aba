"""Independent oracles for the numeric questions of content/06-optimization.yaml.

Each function recomputes the answer by simulating the optimizer or from the definition (numerical
gradients, loops over steps, NumPy norms), not by copying the YAML expression.
"""

from __future__ import annotations

import numpy as np


def _gd_step(w, g, lr):
    params = np.array([w], dtype=float)
    grads = np.array([g], dtype=float)
    params -= lr * grads
    return params[0]


def _gd_quadratic(a, c, w0, lr):
    def f(u):
        return a * (u - c) ** 2

    h = 1e-4
    grad = (f(w0 + h) - f(w0 - h)) / (2 * h)  # exact for a quadratic up to rounding
    return w0 - lr * grad


def _momentum_step(w, v, g, beta, lr):
    # Sutskever form with a velocity that already contains the learning rate: u = -lr * v
    u = -lr * v
    u = beta * u - lr * g
    return w + u


def _momentum_terminal_step(lr, beta, g):
    v = 0.0
    for _ in range(6000):
        v = beta * v + g
    return lr * v


def _rmsprop_step(w, s, g, rho, lr):
    state = np.array([s], dtype=float)
    grad = np.array([g], dtype=float)
    state = rho * state + (1 - rho) * np.square(grad)
    return (np.array([w]) - lr * grad / np.sqrt(state))[0]


def _adam_v_correction(b2, t):
    # with a constant squared gradient of 1 the true average is 1; the raw estimate is smaller
    v = 0.0
    for _ in range(int(t)):
        v = b2 * v + (1 - b2) * 1.0
    return 1.0 / v


def _adam_m_hat_2(g1, g2, b1):
    m = 0.0
    for g in (g1, g2):
        m = b1 * m + (1 - b1) * g
    weights = np.array([b1 * (1 - b1), 1 - b1])
    assert abs(m - float(weights @ np.array([g1, g2]))) < 1e-12
    return m / weights.sum()  # the weights sum to 1 - b1**2


def _adam_step(w, m, v, t, lr):
    b1, b2 = 0.9, 0.999
    m_hat = m / (1 - np.power(b1, t))
    v_hat = v / (1 - np.power(b2, t))
    return float(w - lr * m_hat / np.sqrt(v_hat))


def _iterations_per_epoch(n, b):
    return len(range(0, n, b))


def _adagrad_effective_lr(lr, g1, g2, g3):
    G = 0.0
    for g in (g1, g2, g3):
        G += g * g
    return lr / np.sqrt(G)


def _adagrad_constant_step(lr, g, t):
    G = np.cumsum(np.full(int(t), g * g))[-1]
    return abs(lr * g / np.sqrt(G))


def _clip_first_component(g1, g2, c):
    grad = np.array([g1, g2], dtype=float)
    norm = np.linalg.norm(grad)
    if norm > c:
        grad = grad / norm * c
    return grad[0]


def _sigmoid_chain_factor(w, L):
    def sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    a = 0.3
    factor = 1.0
    for _ in range(int(L)):
        b = -w * a  # bias chosen so the pre-activation is exactly 0
        z = w * a + b
        s = sigmoid(z)
        factor *= s * (1 - s) * w  # local derivative d a_k / d a_{k-1}
        a = s
    return factor


def _step_lr(lr0, gamma, step, epoch):
    lr = lr0
    for e in range(1, int(epoch) + 1):
        if e % step == 0:
            lr *= gamma
    return lr


ORACLES = {
    "optimizers-gd-param-01": _gd_step,
    "optimizers-gd-param-02": _gd_quadratic,
    "optimizers-momentum-param-01": _momentum_step,
    "optimizers-momentum-param-02": _momentum_terminal_step,
    "optimizers-rmsprop-param-01": _rmsprop_step,
    "optimizers-adam-param-01": _adam_v_correction,
    "optimizers-adam-param-02": _adam_m_hat_2,
    "optimizers-adam-param-03": _adam_step,
    "optimizers-minibatch-param-01": _iterations_per_epoch,
    "optimizers-adagrad-param-01": _adagrad_effective_lr,
    "optimizers-adagrad-param-02": _adagrad_constant_step,
    "optimizers-clip-param-01": _clip_first_component,
    "optimizers-vanishing-param-01": _sigmoid_chain_factor,
    "optimizers-schedule-param-01": _step_lr,
}
