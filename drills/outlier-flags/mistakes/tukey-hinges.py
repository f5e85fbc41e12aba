import numpy as np


def iqr_outliers(x, k=1.5):
    x = np.asarray(x, dtype=float)
    s = np.sort(x)
    half = len(s) // 2
    lower, upper = s[:half], s[len(s) - half:]
    q1 = np.median(lower) if half else s[0]
    q3 = np.median(upper) if half else s[0]
    iqr = q3 - q1
    return (x < q1 - k * iqr) | (x > q3 + k * iqr)


def zscore_outliers(x, threshold=3.0):
    x = np.asarray(x, dtype=float)
    std = x.std()
    if std == 0:
        return np.zeros(x.shape, dtype=bool)
    return np.abs(x - x.mean()) / std > threshold
