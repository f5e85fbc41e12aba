import numpy as np


def accuracy(y_true, y_pred):
    return np.mean(np.asarray(y_true) != np.asarray(y_pred))
