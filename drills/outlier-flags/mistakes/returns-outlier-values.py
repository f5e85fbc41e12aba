import numpy as np


def iqr_outliers(x, k=1.5):
    x = np.asarray(x, dtype=float)
    q1, q3 = np.percentile(x, [25, 75])
    iqr = q3 - q1
    return x[(x < q1 - k * iqr) | (x > q3 + k * iqr)]


def zscore_outliers(x, threshold=3.0):
    x = np.asarray(x, dtype=float)
    std = x.std()
    if std == 0:
        return x[:0]
    return x[np.abs(x - x.mean()) / std > threshold]
