import numpy as np


def mse(y_true, y_pred):
    total = 0.0
    a_flat, b_flat = np.ravel(y_true), np.ravel(y_pred)
    for a, b in zip(a_flat.tolist(), b_flat.tolist()):
        total += (a - b) ** 2
    return total / len(a_flat)
