import numpy as np


def mse(y_true, y_pred):
    return float(np.sum((np.asarray(y_true, float) - np.asarray(y_pred, float)) ** 2))
