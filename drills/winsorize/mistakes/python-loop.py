import numpy as np


def winsorize(x, lower_pct=5, upper_pct=95):
    x = np.asarray(x, dtype=float)
    lo, hi = np.percentile(x, [lower_pct, upper_pct], axis=0)
    if x.ndim == 1:
        return np.array([min(max(v, lo), hi) for v in x.tolist()])
    lo, hi = lo.tolist(), hi.tolist()
    rows = []
    for row in x.tolist():
        rows.append([min(max(v, lo[j]), hi[j]) for j, v in enumerate(row)])
    return np.array(rows).reshape(x.shape)
