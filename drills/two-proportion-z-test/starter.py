"""Two-proportion z-test, from scratch (no SciPy: use math.erfc for the normal tails)."""

import math


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative="two-sided"):
    """Test H0: p_a = p_b from conversion counts.

    successes_a, n_a: conversions and users in group A (control); same for group B (treatment).
    alternative: "two-sided" (p_b != p_a), "larger" (p_b > p_a) or "smaller" (p_b < p_a).
    Returns (z, p_value) as floats, z = (p̂_b - p̂_a) / pooled SE.
    """
    # TODO: validate the alternative and the counts (ValueError)
    # TODO: pooled rate p = (x_a + x_b) / (n_a + n_b); return (0.0, 1.0) when it is 0 or 1
    # TODO: z = (p̂_b - p̂_a) / sqrt(p (1 - p) (1/n_a + 1/n_b))
    # TODO: p-value from the upper tail 0.5 * math.erfc(z / sqrt(2)) (not 1 - cdf)
    raise NotImplementedError
