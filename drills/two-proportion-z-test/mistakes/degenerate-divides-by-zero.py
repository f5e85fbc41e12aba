import math


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative="two-sided"):
    if alternative not in ("two-sided", "larger", "smaller"):
        raise ValueError(alternative)
    for x, n in ((successes_a, n_a), (successes_b, n_b)):
        if n <= 0 or not 0 <= x <= n:
            raise ValueError("bad counts")
    pa, pb = successes_a / n_a, successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = (pb - pa) / se if se > 0 else float("nan")
    tail = lambda t: 0.5 * math.erfc(t / math.sqrt(2))
    if alternative == "two-sided":
        return z, 2 * tail(abs(z))
    return z, tail(z) if alternative == "larger" else tail(-z)
