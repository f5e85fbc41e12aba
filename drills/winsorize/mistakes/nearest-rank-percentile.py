import numpy as np


def winsorize(x, lower_pct=5, upper_pct=95):
    x = np.asarray(x, dtype=float)
    s = np.sort(x, axis=0)
    n = s.shape[0]
    lo = s[min(int(n * lower_pct / 100), n - 1)]
    hi = s[min(int(n * upper_pct / 100), n - 1)]
    return np.clip(x, lo, hi)
