import numpy as np


def winsorize(x, lower_pct=5, upper_pct=95):
    x = np.asarray(x, dtype=float)
    lo, hi = np.percentile(x, [lower_pct, upper_pct], axis=0)
    keep = np.all((x >= lo) & (x <= hi), axis=1) if x.ndim == 2 else (x >= lo) & (x <= hi)
    return x[keep]
