"""Sample autocorrelation function (statsmodels' acf with adjusted=False), centred for stability."""

import numpy as np


def acf(x, nlags):
    """Return r[0..nlags]: r[k] = Σ_t (x_t − x̄)(x_(t+k) − x̄) / Σ_t (x_t − x̄)², so r[0] = 1."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2:  # mutation: equivalent — a single value is also caught as constant below
        raise ValueError("x must be 1-D with at least 2 values")
    if not np.all(np.isfinite(x)):
        raise ValueError("x contains NaN or inf")
    n = x.size
    if not 0 <= nlags < n:
        raise ValueError("nlags must be between 0 and len(x) - 1")
    if np.ptp(x) == 0:  # tested on x itself: a centred constant may hold rounding residue, not zeros
        raise ValueError("x is constant: the autocorrelation is undefined")
    d = x - x.mean()  # centre first: sums of products of deviations, no cancellation at large offsets
    denom = d @ d  # n · c_0; the 1/n factors cancel, the same denominator for every lag
    return np.array([d[: n - k] @ d[k:] for k in range(nlags + 1)]) / denom
