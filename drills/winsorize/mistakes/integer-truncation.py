import numpy as np


def winsorize(x, lower_pct=5, upper_pct=95):
    out = np.array(x)
    lo, hi = np.percentile(out, [lower_pct, upper_pct], axis=0)
    out[out < lo] = np.broadcast_to(lo, out.shape)[out < lo]
    out[out > hi] = np.broadcast_to(hi, out.shape)[out > hi]
    return out
