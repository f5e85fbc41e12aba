import numpy as np


def r2_score(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    mean = y_true.mean()
    ss_reg = np.sum((y_pred - mean) ** 2)
    ss_tot = np.sum((y_true - mean) ** 2)
    if ss_tot == 0:
        return 1.0 if np.all(y_pred == y_true) else 0.0
    return ss_reg / ss_tot
