import numpy as np


def accuracy(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_hat = (np.asarray(y_pred, dtype=float) >= 0.5).astype(int)
    return np.mean(y_true == y_hat)
