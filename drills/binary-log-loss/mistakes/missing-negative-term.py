import numpy as np


def binary_log_loss(y_true, p, eps=1e-15):
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return -np.mean(y * np.log(p))
