import numpy as np


def accuracy(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    correct = int(np.sum(y_true == y_pred))
    return correct // len(y_true)
