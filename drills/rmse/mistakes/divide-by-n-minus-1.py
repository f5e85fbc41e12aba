import numpy as np


def rmse(y_true, y_pred):
    d = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    n = d.size
    return np.sqrt(np.sum(d ** 2) / max(n - 1, 1))
