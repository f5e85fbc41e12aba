import numpy as np


def mae(y_true, y_pred):
    return abs(np.mean(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)))
