import numpy as np


def acf(x, nlags):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)) or not 0 <= nlags < x.size:
        raise ValueError("invalid input")
    if np.all(x == x[0]):
        raise ValueError("constant series")
    n = x.size
    d = x - x.mean()
    return np.array([1.0] + [np.corrcoef(x[: n - k], x[k:])[0, 1] for k in range(1, nlags + 1)])
