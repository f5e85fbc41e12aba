import math


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative="two-sided"):
    if alternative not in ("two-sided", "larger", "smaller"):
        raise ValueError(alternative)
    pa, pb = successes_a / n_a, successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)
    if pooled <= 0 or pooled >= 1:
        return 0.0, 1.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = (pb - pa) / se
    tail = lambda t: 0.5 * math.erfc(t / math.sqrt(2))
    if alternative == "two-sided":
        return z, 2 * tail(abs(z))
    return z, tail(z) if alternative == "larger" else tail(-z)
