"""Independent oracles for the numeric questions of content/05-regularization.yaml.

Each function recomputes the answer from the definition with NumPy (norms, simulated masks,
numerical gradients, linear solves, candidate minimization), not by copying the YAML expression.
"""

from __future__ import annotations

import numpy as np


def _l1_penalty(w1, w2, w3, w4, lam):
    w = np.array([w1, w2, w3, w4], dtype=float)
    return lam * np.linalg.norm(w, ord=1)


def _l2_penalty(w1, w2, w3, lam):
    w = np.array([w1, w2, w3], dtype=float)
    return lam * float(w @ w)


def _mse_plus_l2(r1, r2, r3, w1, w2, lam):
    y = np.array([1.0, 2.0, 3.0])
    y_hat = y - np.array([r1, r2, r3])  # errors y - y_hat = r
    w = np.array([w1, w2])
    return np.mean((y - y_hat) ** 2) + lam * np.linalg.norm(w) ** 2


def _elastic_net(data_loss, w1, w2, w3, lam1, lam2):
    w = np.array([w1, w2, w3])
    return data_loss + lam1 * np.linalg.norm(w, 1) + lam2 * np.linalg.norm(w, 2) ** 2


def _inverted_dropout_kept(a, p):
    x = np.array([a, a])
    mask = np.array([True, False])  # first unit kept, second dropped
    out = np.where(mask, x, 0.0) / (1.0 - p)
    return out[0]


def _original_dropout_test_output(a, p):
    # expectation of the un-scaled training output over the Bernoulli keep mask
    outcomes = {1: a, 0: 0.0}
    probs = {1: 1.0 - p, 0: p}
    return sum(probs[m] * outcomes[m] for m in (0, 1))


def _sgd_step_with_l2(w, g, lam, lr):
    # total loss: a data loss with slope g at w, plus lam * w^2; gradient by central differences
    def total(u):
        return g * u + lam * u * u

    h = 1e-4
    grad = (total(w + h) - total(w - h)) / (2 * h)
    return w - lr * grad


def _decoupled_decay(w0, lr, wd, k):
    w = float(w0)
    for _ in range(int(k)):
        w = w - lr * wd * w  # decay step; data gradient is zero
    return w


def _lasso_orthonormal(z, lam):
    # minimize 1/2 (w - z)^2 + lam |w|; the minimizer is among the stationary points and the kink
    def objective(w):
        return 0.5 * (w - z) ** 2 + lam * abs(w)

    candidates = [0.0]
    if z - lam > 0:
        candidates.append(z - lam)
    if z + lam < 0:
        candidates.append(z + lam)
    return min(candidates, key=objective)


def _ridge_orthonormal(z, lam):
    theta = 0.7
    X = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    y = X @ np.array([z, 0.0])  # OLS coefficients are exactly (z, 0)
    w = np.linalg.solve(X.T @ X + lam * np.eye(2), X.T @ y)
    return w[0]


ORACLES = {
    "regularization-l1-param-01": _l1_penalty,
    "regularization-l2-param-01": _l2_penalty,
    "regularization-loss-param-01": _mse_plus_l2,
    "regularization-elastic-net-param-01": _elastic_net,
    "regularization-dropout-param-01": _inverted_dropout_kept,
    "regularization-dropout-param-02": _original_dropout_test_output,
    "regularization-weight-decay-param-01": _sgd_step_with_l2,
    "regularization-weight-decay-param-02": _decoupled_decay,
    "regularization-soft-threshold-param-01": _lasso_orthonormal,
    "regularization-ridge-param-01": _ridge_orthonormal,
}
