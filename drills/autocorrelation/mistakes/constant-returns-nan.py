import numpy as np


def acf(x, nlags):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)) or not 0 <= nlags < x.size:
        raise ValueError("invalid input")
    n = x.size
    d = x - x.mean()
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.array([d[: n - k] @ d[k:] / (d @ d) for k in range(nlags + 1)])
