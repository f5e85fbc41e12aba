import numpy as np


def label_encode(values):
    classes, codes = np.unique(np.asarray(values), return_inverse=True)
    return codes, classes


def one_hot(codes, n_classes=None):
    codes = np.asarray(codes)
    return np.eye(codes.max() + 1)[codes]
