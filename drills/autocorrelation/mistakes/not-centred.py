import numpy as np


def acf(x, nlags):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)) or not 0 <= nlags < x.size:
        raise ValueError("invalid input")
    if np.all(x == x[0]):
        raise ValueError("constant series")
    n = x.size
    d = x
    return np.array([d[: n - k] @ d[k:] / (d @ d) for k in range(nlags + 1)])
