import numpy as np


def rmse(y_true, y_pred):
    return np.std(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float))
