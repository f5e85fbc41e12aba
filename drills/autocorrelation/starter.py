"""Sample autocorrelation function, from scratch with NumPy."""

import numpy as np


def acf(x, nlags):
    """Autocorrelations r[0..nlags] of a 1-D series (statsmodels' acf with adjusted=False).

    r[k] = sum_{t=0}^{n-1-k} (x_t - mean)(x_{t+k} - mean) / sum_t (x_t - mean)^2, so r[0] = 1.
    Returns a float array of shape (nlags + 1,).
    """
    # TODO: validate: 1-D, n >= 2, finite values, 0 <= nlags <= n - 1, not constant (ValueError)
    # TODO: centre: d = x - x.mean()
    # TODO: for each lag k, the dot product of d[:n-k] and d[k:] (vectorized over t)
    # TODO: divide every lag by the same denominator d @ d
    raise NotImplementedError
