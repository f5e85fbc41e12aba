"""A/B test sample size for two proportions, from scratch (no SciPy: build Φ⁻¹ yourself)."""

import math


def norm_ppf(p):
    """Standard normal quantile Φ⁻¹(p) for 0 < p < 1, absolute error below 1e-9.

    Raise ValueError when p is not strictly between 0 and 1.
    """
    # TODO: an initial guess (e.g. Acklam's rational approximation, or bisection)
    # TODO: refine with Newton/Halley steps on Φ(x) = 0.5 * math.erfc(-x / math.sqrt(2))
    raise NotImplementedError


def sample_size(p_baseline, mde, alpha=0.05, power=0.8, relative=False):
    """Users per group for a two-sided two-proportion z-test; returns an int.

    p2 = p_baseline + mde, or p_baseline * (1 + mde) when relative is True.
    """
    # TODO: validate the rates, mde, alpha and power (ValueError)
    # TODO: z_alpha = norm_ppf(1 - alpha / 2), z_beta = norm_ppf(power), p_bar = (p1 + p2) / 2
    # TODO: n = (z_alpha * sqrt(2 p_bar (1 - p_bar)) + z_beta * sqrt(p1 q1 + p2 q2))**2 / (p2 - p1)**2
    # TODO: return math.ceil(n) as an int
    raise NotImplementedError
