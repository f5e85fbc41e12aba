import numpy as np


def acf(x, nlags):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)) or not 0 <= nlags < x.size:
        raise ValueError("invalid input")
    if np.all(x == x[0]):
        raise ValueError("constant series")
    n = x.size
    m = x.mean()
    # Σ (x_t - m)(x_{t+k} - m) = Σ x_t x_{t+k} - m Σ x_{t+k} - m Σ x_t + (n - k) m², term by term
    c = np.array([x[: n - k] @ x[k:] - m * x[k:].sum() - m * x[: n - k].sum() + (n - k) * m * m
                  for k in range(nlags + 1)])
    return c / c[0]
