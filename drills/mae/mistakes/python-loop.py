import numpy as np


def mae(y_true, y_pred):
    a, b = np.ravel(y_true).tolist(), np.ravel(y_pred).tolist()
    total = 0.0
    for t, p in zip(a, b):
        total += abs(t - p)
    return total / len(a)
