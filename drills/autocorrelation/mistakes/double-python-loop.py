import numpy as np


def acf(x, nlags):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)) or not 0 <= nlags < x.size:
        raise ValueError("invalid input")
    if np.all(x == x[0]):
        raise ValueError("constant series")
    n = x.size
    d = (x - x.mean()).tolist()
    denom = sum(v * v for v in d)
    out = []
    for k in range(nlags + 1):
        s = 0.0
        for t in range(n - k):
            s += d[t] * d[t + k]
        out.append(s / denom)
    return np.array(out)
