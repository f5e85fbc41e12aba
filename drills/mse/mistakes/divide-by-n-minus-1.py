import numpy as np


def mse(y_true, y_pred):
    d = np.asarray(y_true, float) - np.asarray(y_pred, float)
    return float(np.sum(d ** 2) / (d.size - 1)) if d.size > 1 else float(np.sum(d ** 2))
