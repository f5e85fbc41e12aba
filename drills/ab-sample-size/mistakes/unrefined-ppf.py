import math

# Acklam's rational approximation of the standard normal quantile (relative error < 1.15e-9).
_A = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
_B = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01)
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
      3.754408661907416e+00)
_P_LOW = 0.02425


def _poly(coeffs, x):
    """Horner evaluation of c0 x^(k-1) + ... + c_(k-1)."""
    acc = 0.0
    for c in coeffs:
        acc = acc * x + c
    return acc


def norm_ppf(p):
    """Standard normal quantile Φ⁻¹(p) for 0 < p < 1: Acklam's approximation, not refined."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be in (0, 1)")
    q = min(p, 1.0 - p)  # work in the lower half; the upper half follows by symmetry
    if q < _P_LOW:  # tail region
        r = math.sqrt(-2.0 * math.log(q))
        x = _poly(_C, r) / (_poly(_D, r) * r + 1.0)
    else:  # central region
        r = (q - 0.5) ** 2
        x = (q - 0.5) * _poly(_A, r) / (_poly(_B, r) * r + 1.0)
    return x if p <= 0.5 else -x


def sample_size(p_baseline, mde, alpha=0.05, power=0.8, relative=False):
    """Users per group to detect p_baseline -> p_baseline + mde (or × (1 + mde) if relative)."""
    p1 = p_baseline
    p2 = p1 * (1.0 + mde) if relative else p1 + mde
    if not (0.0 < p1 < 1.0 and 0.0 < p2 < 1.0) or p2 == p1:
        raise ValueError("need 0 < p_baseline < 1, 0 < treatment rate < 1 and mde != 0")
    if not (0.0 < alpha < 1.0 and 0.0 < power < 1.0):
        raise ValueError("alpha and power must be in (0, 1)")
    p_bar = (p1 + p2) / 2.0
    z_alpha = norm_ppf(1.0 - alpha / 2.0)  # two-sided test
    z_beta = norm_ppf(power)
    root = (z_alpha * math.sqrt(2.0 * p_bar * (1.0 - p_bar))
            + z_beta * math.sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2)))
    return math.ceil(root ** 2 / (p2 - p1) ** 2)
