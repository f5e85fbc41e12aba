import math

import numpy as np


def rmse(y_true, y_pred):
    a, b = np.ravel(y_true).tolist(), np.ravel(y_pred).tolist()
    total = 0.0
    for t, p in zip(a, b):
        total += (t - p) ** 2
    return math.sqrt(total / len(a))
