import numpy as np


def categorical_cross_entropy(Y_true, P, eps=1e-15):
    Y = np.asarray(Y_true, dtype=float)
    P = np.clip(np.asarray(P, dtype=float), eps, 1 - eps)
    return -np.mean(Y * np.log(P))
