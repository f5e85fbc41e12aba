import numpy as np


def mse(y_true, y_pred):
    d = np.asarray(y_true) - np.asarray(y_pred)
    if d.dtype.kind in "iu":
        return (d ** 2).sum() // d.size
    return float(np.mean(d ** 2))
