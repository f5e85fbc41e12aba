import numpy as np


def rmse(y_true, y_pred):
    d = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return np.mean(d ** 2)
