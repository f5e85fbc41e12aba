"""Independent oracles for the numeric questions of content/01-maths.yaml.

Each function recomputes the answer from the definition with NumPy (or plain Python written
differently from the YAML expression), so a typo in the bank's formula shows up as a mismatch.
"""

from __future__ import annotations

import numpy as np


def _variance_sample(a, b, c, d):
    return float(np.var(np.array([a, b, c, d], dtype=float), ddof=1))


def _expectation(p, win, loss):
    outcomes = np.array([win, -loss], dtype=float)
    probs = np.array([p, 1 - p], dtype=float)
    return float(outcomes @ probs)


def _bayes(prev, sens, fpr):
    # Expected counts in a large population, then the fraction of positives that are ill.
    n = 1_000_000.0
    ill = n * prev
    healthy = n - ill
    true_pos = ill * sens
    false_pos = healthy * fpr
    return true_pos / (true_pos + false_pos)


def _multiple_testing(m, alpha):
    # P(at least one) = 1 - P(none), P(none) = product of the per-test "stay quiet" probabilities.
    p_none = float(np.prod(np.full(m, 1 - alpha)))
    return 1 - p_none


def _ci_halfwidth(acc, n):
    # Variance of the mean of n Bernoulli(acc) variables.
    var_one = acc * (1 - acc)
    se = np.sqrt(var_one / n)
    return float(1.96 * se)


def _dot(a1, a2, a3, b1, b2, b3):
    return float(np.dot(np.array([a1, a2, a3]), np.array([b1, b2, b3])))


def _eig_triangular(a, b, d):
    return float(np.max(np.linalg.eigvals(np.array([[a, b], [0, d]], dtype=float)).real))


def _eig_general(a, b, c, d):
    vals = np.linalg.eigvals(np.array([[a, b], [c, d]], dtype=float))
    return float(np.max(vals.real))


def _matmul_cost(m, n, p):
    # Count multiplications with explicit loops over the output shape.
    count = 0
    for _ in range(m):
        for _ in range(p):
            count += n
    return float(count)


def _central_diff(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def _power_derivative(a, n, x0):
    # Exact for polynomials: use numpy's polynomial derivative.
    coeffs = np.zeros(n + 1)
    coeffs[n] = a  # a * x**n in increasing-power order
    deriv = np.polynomial.polynomial.polyder(coeffs)
    return float(np.polynomial.polynomial.polyval(x0, deriv))


def _partial_y(a, b, x0, y0):
    # d/dy of a*x0^2*y + b*y^3 as a polynomial in y: coefficients [0, a*x0^2, 0, b]
    coeffs = np.array([0.0, a * x0**2, 0.0, b])
    deriv = np.polynomial.polynomial.polyder(coeffs)
    return float(np.polynomial.polynomial.polyval(y0, deriv))


def _chain_rule(w, b, x, y):
    # L(w) = (w x + b - y)^2 is a quadratic in w: x^2 w^2 + 2 x (b - y) w + (b - y)^2
    coeffs = np.array([(b - y) ** 2, 2 * x * (b - y), x**2], dtype=float)
    deriv = np.polynomial.polynomial.polyder(coeffs)
    return float(np.polynomial.polynomial.polyval(w, deriv))


def _sigmoid_derivative(z):
    # d/dz of 1/(1+e^-z) = e^-z / (1+e^-z)^2
    e = np.exp(-z)
    return float(e / (1 + e) ** 2)


def _sigmoid_derivative_max():
    z = np.linspace(-10, 10, 20001)
    e = np.exp(-z)
    return float(np.max(e / (1 + e) ** 2))



def _beta_posterior_mean(a, b, n, k):
    # posterior ∝ prior density × binomial likelihood, a polynomial in θ: Gauss-Legendre
    # quadrature with 200 nodes integrates it exactly, so normalise it numerically
    nodes, weights = np.polynomial.legendre.leggauss(200)
    theta = (nodes + 1.0) / 2.0
    post = theta ** (a - 1 + k) * (1.0 - theta) ** (b - 1 + n - k)
    return float(np.sum(weights * theta * post) / np.sum(weights * post))


def _eckart_young(s1, s2, s3, s4, k):
    # build a matrix with these singular values, truncate its numerical SVD, measure the error
    rng = np.random.default_rng(0)
    u, _ = np.linalg.qr(rng.normal(size=(5, 5)))
    v, _ = np.linalg.qr(rng.normal(size=(4, 4)))
    sigma = np.zeros((5, 4))
    sigma[:4, :4] = np.diag([s1, s2, s3, s4])
    a = u @ sigma @ v.T
    uu, ss, vt = np.linalg.svd(a)
    k = int(k)
    a_k = (uu[:, :k] * ss[:k]) @ vt[:k]
    return float(np.linalg.norm(a - a_k, "fro"))


ORACLES = {
    "maths-variance-param-01": _variance_sample,
    "maths-expectation-param-01": _expectation,
    "maths-bayes-param-01": _bayes,
    "maths-multiple-testing-param-01": _multiple_testing,
    "maths-standard-error-param-01": _ci_halfwidth,
    "maths-dot-param-01": _dot,
    "maths-eigen-triangular-param-01": _eig_triangular,
    "maths-eigen-param-01": _eig_general,
    "maths-matmul-cost-param-01": _matmul_cost,
    "maths-derivative-param-01": _power_derivative,
    "maths-partial-derivative-param-01": _partial_y,
    "maths-chain-rule-param-01": _chain_rule,
    "maths-sigmoid-derivative-param-01": _sigmoid_derivative,
    "maths-sigmoid-derivative-max-01": _sigmoid_derivative_max,
    "maths-beta-posterior-param-01": _beta_posterior_mean,
    "maths-eckart-young-param-01": _eckart_young,
}
