"""Independent oracles for the numeric questions of content/14-probabilistic-models.yaml.

The margin is measured as the distance between two points on the margin hyperplanes, the hinge loss
case by case, the RBF kernel as a product over dimensions, Laplace smoothing on an explicit count
vector, posteriors in log space or by sequential updating, MLE/MAP by maximising the log-likelihood
numerically (ternary search), parameter counts by enumerating matrix entries, and the LDA rank from
synthetic class means. None of them reuses the YAML expression.
"""

from __future__ import annotations

import math

import numpy as np


def _argmax_concave(f, lo, hi, iters=300):
    for _ in range(iters):
        m1 = lo + (hi - lo) / 3
        m2 = hi - (hi - lo) / 3
        if f(m1) < f(m2):
            lo = m1
        else:
            hi = m2
    return (lo + hi) / 2


def _margin(w1, w2):
    w = np.array([w1, w2], dtype=float)
    plus = w / (w @ w)    # satisfies w.x = +1 (b = 0; b only shifts both planes)
    minus = -w / (w @ w)  # satisfies w.x = -1
    return float(np.linalg.norm(plus - minus))


def _hinge(y, w1, w2, x1, x2, b):
    score = float(np.dot([w1, w2], [x1, x2]) + b)
    margin = y * score
    if margin >= 1:
        return 0.0
    return 1.0 - margin


def _rbf(gamma, x1, x2, z1, z2):
    per_dim = np.exp(-gamma * (np.array([x1, x2], dtype=float) - np.array([z1, z2], dtype=float)) ** 2)
    return float(np.prod(per_dim))


def _laplace(c, n, v):
    counts = np.zeros(v)
    counts[0] = c
    counts[1] = n - c  # the rest of the class's words, all on another vocabulary entry
    smoothed = counts + 1
    return float(smoothed[0] / smoothed.sum())


def _nb_posterior(ps, a1, b1, a2, b2):
    log_spam = np.log(ps) + np.log(a1) + np.log(a2)
    log_ham = np.log(1 - ps) + np.log(b1) + np.log(b2)
    return float(np.exp(log_spam - np.logaddexp(log_spam, log_ham)))


def _mle_poisson(x1, x2, x3, x4, x5):
    x = np.array([x1, x2, x3, x4, x5], dtype=float)
    loglik = lambda lam: float(np.sum(x * np.log(lam) - lam))
    return _argmax_concave(loglik, 1e-9, float(x.max()) + 1)


def _map_beta(k, n, a, b):
    logpost = lambda t: (k + a - 1) * math.log(t) + (n - k + b - 1) * math.log(1 - t)
    return _argmax_concave(logpost, 1e-12, 1 - 1e-12)


def _qda_params(k, d):
    rows, _ = np.triu_indices(d)
    return float(k * rows.size)


def _lda_components():
    rng = np.random.default_rng(0)
    means = rng.normal(size=(5, 100))
    centred = means - means.mean(axis=0)
    between = centred.T @ centred  # between-class scatter with equal class sizes
    return float(np.linalg.matrix_rank(between))


def _poisson_glm(w, x, b):
    return float(np.exp(b) * np.exp(w) ** x)


def _rate_ratio(w, delta):
    x0, b = 1.7, -0.3  # any base point gives the same ratio
    return float(np.exp(w * (x0 + delta) + b) / np.exp(w * x0 + b))


def _base_rate(prev, sens, spec):
    n = 10_000_000.0
    sick = n * prev
    healthy = n - sick
    true_pos = sick * sens
    false_pos = healthy * (1 - spec)
    return true_pos / (true_pos + false_pos)


def _two_tests(prev, sens, spec):
    p = prev
    for _ in range(2):
        p = _base_rate(p, sens, spec)  # yesterday's posterior is today's prior
    return p


ORACLES = {
    "probabilistic-models-svm-margin-param-01": _margin,
    "probabilistic-models-svm-hinge-param-01": _hinge,
    "probabilistic-models-rbf-param-01": _rbf,
    "probabilistic-models-laplace-param-01": _laplace,
    "probabilistic-models-naive-bayes-posterior-param-01": _nb_posterior,
    "probabilistic-models-mle-poisson-param-01": _mle_poisson,
    "probabilistic-models-map-beta-param-01": _map_beta,
    "probabilistic-models-qda-params-param-01": _qda_params,
    "probabilistic-models-lda-components-01": _lda_components,
    "probabilistic-models-poisson-glm-param-01": _poisson_glm,
    "probabilistic-models-poisson-rate-ratio-param-01": _rate_ratio,
    "probabilistic-models-base-rate-param-01": _base_rate,
    "probabilistic-models-two-tests-param-01": _two_tests,
}
