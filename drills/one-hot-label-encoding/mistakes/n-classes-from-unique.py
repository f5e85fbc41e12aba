import numpy as np


def label_encode(values):
    classes, codes = np.unique(np.asarray(values), return_inverse=True)
    return codes, classes


def one_hot(codes, n_classes=None):
    codes = np.asarray(codes)
    if n_classes is None:
        n_classes = len(np.unique(codes))
    out = np.zeros((len(codes), n_classes))
    out[np.arange(len(codes)), np.minimum(codes, n_classes - 1)] = 1.0
    return out
