import math

import numpy as np


def categorical_cross_entropy(Y_true, P, eps=1e-15):
    Y, P = np.asarray(Y_true), np.asarray(P)
    total = 0.0
    for y_row, p_row in zip(Y.tolist(), P.tolist()):
        c = y_row.index(max(y_row))
        total -= math.log(max(p_row[c], eps))
    return total / len(Y)
