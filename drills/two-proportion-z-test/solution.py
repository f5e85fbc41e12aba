"""Two-proportion z-test with the pooled standard error; the normal tails come from math.erfc."""

import math

_ALTERNATIVES = ("two-sided", "larger", "smaller")


def _upper_tail(z):
    """P(Z > z) for a standard normal Z, accurate in the far tail (no 1 - cdf cancellation)."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative="two-sided"):
    """Test H0: p_a = p_b from conversion counts; returns (z, p_value) with z for p_b - p_a."""
    if alternative not in _ALTERNATIVES:
        raise ValueError(f"alternative must be one of {_ALTERNATIVES}, got {alternative!r}")
    for x, n in ((successes_a, n_a), (successes_b, n_b)):
        if n <= 0 or x < 0 or x > n:
            raise ValueError(f"need n > 0 and 0 <= successes <= n, got successes={x}, n={n}")
    rate_a, rate_b = successes_a / n_a, successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)  # the common rate under H0
    if pooled <= 0.0 or pooled >= 1.0:
        return 0.0, 1.0  # nobody (or everybody) converted: no evidence of a difference
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    z = (rate_b - rate_a) / se
    if alternative == "two-sided":
        p = 2.0 * _upper_tail(abs(z))
    elif alternative == "larger":  # H1: p_b > p_a
        p = _upper_tail(z)
    else:  # "smaller", H1: p_b < p_a
        p = _upper_tail(-z)
    return z, p
