"""Independent oracles for the numeric questions of content/15-unsupervised.yaml.

Linkage distances come from explicit pairwise-distance matrices, the Ward cost from the sums of
squares of synthetic point sets with the given sizes and centroid gap, responsibilities from
log-densities with log-sum-exp, parameter counts from counting array entries, the number of LDA
components from the rank of a between-class scatter matrix built from random class means.
"""

from __future__ import annotations

import math

import numpy as np


def _pairwise(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return np.abs(a[:, None] - b[None, :])


def _complete_linkage(a1, a2, b1, b2):
    return float(_pairwise([a1, a2], [b1, b2]).max())


def _average_linkage(a1, a2, b1, b2):
    return float(_pairwise([a1, a2], [b1, b2]).mean())


def _sse(points):
    return float(((points - points.mean(axis=0)) ** 2).sum())


def _ward(na, nb, d):
    rng = np.random.default_rng(0)
    a = rng.normal(size=(na, 2))
    a -= a.mean(axis=0)
    b = rng.normal(scale=0.5, size=(nb, 2))
    b -= b.mean(axis=0)
    b += np.array([d / math.sqrt(2), d / math.sqrt(2)])
    merged = np.vstack([a, b])
    return _sse(merged) - _sse(a) - _sse(b)


def _log_normal_pdf(x, mu, var=1.0):
    return -0.5 * np.log(2 * np.pi * var) - (x - mu) ** 2 / (2 * var)


def _responsibility(x, m2, p1):
    logs = np.array([np.log(p1) + _log_normal_pdf(x, 0.0), np.log(1 - p1) + _log_normal_pdf(x, m2)])
    top = logs.max()
    log_norm = top + np.log(np.exp(logs - top).sum())
    return float(np.exp(logs[0] - log_norm))


def _mstep(x1, x2, x3, r1, r2, r3):
    return float(np.average([x1, x2, x3], weights=[r1, r2, r3]))


def _gmm_params(k, d):
    means = np.zeros((k, d)).size
    cov_free = np.triu_indices(d)[0].size * k
    weights = np.zeros(k).size - 1
    return means + cov_free + weights


def _bic(ll, p, n):
    return -2.0 * ll + p * float(np.log(n))


def _lda_components(c, d):
    rng = np.random.default_rng(c * 100 + d)
    means = rng.normal(size=(c, d))
    counts = rng.integers(5, 50, size=c)
    overall = (counts[:, None] * means).sum(axis=0) / counts.sum()
    diffs = means - overall
    s_b = (counts[:, None, None] * np.einsum("ci,cj->cij", diffs, diffs)).sum(axis=0)
    return int(np.linalg.matrix_rank(s_b))


def _isolation_score(n, h):
    harmonic = float(np.log(n - 1)) + 0.5772156649
    c = 2.0 * harmonic - 2.0 * (n - 1) / n
    return float(np.exp(-(h / c) * np.log(2.0)))


ORACLES = {
    "unsupervised-linkage-complete-param-01": _complete_linkage,
    "unsupervised-linkage-average-param-01": _average_linkage,
    "unsupervised-ward-param-01": _ward,
    "unsupervised-responsibility-param-01": _responsibility,
    "unsupervised-mstep-param-01": _mstep,
    "unsupervised-gmm-params-param-01": _gmm_params,
    "unsupervised-bic-param-01": _bic,
    "unsupervised-lda-components-param-01": _lda_components,
    "unsupervised-isolation-score-param-01": _isolation_score,
}
