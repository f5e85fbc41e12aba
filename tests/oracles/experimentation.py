"""Independent oracles for the numeric questions of content/16-experimentation.yaml.

Normal probabilities come from `statistics.NormalDist` (not `math.erf`), proportions and variances
from synthetic 0/1 arrays with NumPy, the Welch statistic from synthetic samples rescaled to the
stated means and standard deviations, the chi-square statistic from observed/expected count
vectors, and the CUPED variance from a 2 x 2 covariance matrix.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

_N = NormalDist()
Z_ALPHA = 1.96     # the values the prompts give
Z_BETA = 0.8416


def _bernoulli(p, n):
    ones = int(round(p * n))
    return np.array([1.0] * ones + [0.0] * (n - ones))


def _sample_size(p, delta):
    # The SE of the difference must equal delta / (z_a + z_b); SE^2 = 2 p (1 - p) / n.
    target_se = delta / (Z_ALPHA + Z_BETA)
    return 2.0 * p * (1.0 - p) / target_se ** 2


def _power(p, delta, n):
    se = math.sqrt(2.0 * p * (1.0 - p) / n)
    return _N.cdf(delta / se - Z_ALPHA)


def _ci_half_width(pa, pb, n):
    a, b = _bernoulli(pa, n), _bernoulli(pb, n)
    se = math.sqrt(np.var(a) / n + np.var(b) / n)
    return Z_ALPHA * se


def _z_test(xa, xb, na, nb):
    a = np.array([1.0] * xa + [0.0] * (na - xa))
    b = np.array([1.0] * xb + [0.0] * (nb - xb))
    pooled = np.concatenate([a, b])
    se = math.sqrt(np.var(pooled) * (1.0 / na + 1.0 / nb))
    return (b.mean() - a.mean()) / se


def _z_p_value(z):
    return 2.0 * (1.0 - _N.cdf(abs(z)))


def _with_moments(mean, sd, n, seed):
    x = np.random.default_rng(seed).normal(size=n)
    x = (x - x.mean()) / x.std(ddof=1)
    return mean + sd * x


def _welch(m1, m2, s1, s2, n1, n2):
    a = _with_moments(m1, s1, n1, 1)
    b = _with_moments(m2, s2, n2, 2)
    se = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    return (a.mean() - b.mean()) / se


def _bonferroni(alpha, m):
    return alpha / m


def _srm(na, nb):
    observed = np.array([na, nb], dtype=float)
    expected = np.full(2, observed.sum() / 2)
    return float(((observed - expected) ** 2 / expected).sum())


def _cuped(n, rho):
    cov = np.array([[1.0, rho], [rho, 1.0]])     # (X, Y), unit variances
    theta = cov[0, 1] / cov[0, 0]
    w = np.array([-theta, 1.0])                  # Y - theta X
    return round(n * float(w @ cov @ w) / cov[1, 1])    # the prompt asks for a whole number of users


ORACLES = {
    "experimentation-sample-size-param-01": _sample_size,
    "experimentation-power-param-01": _power,
    "experimentation-ci-param-01": _ci_half_width,
    "experimentation-z-test-param-01": _z_test,
    "experimentation-z-p-value-param-01": _z_p_value,
    "experimentation-welch-param-01": _welch,
    "experimentation-bonferroni-param-01": _bonferroni,
    "experimentation-srm-param-01": _srm,
    "experimentation-cuped-param-01": _cuped,
}
