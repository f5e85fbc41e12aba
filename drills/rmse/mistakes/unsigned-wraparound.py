import numpy as np


def rmse(y_true, y_pred):
    d = np.asarray(y_true) - np.asarray(y_pred)
    return np.sqrt(np.mean(d.astype(float) ** 2))
