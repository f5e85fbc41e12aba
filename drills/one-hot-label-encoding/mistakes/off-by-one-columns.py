import numpy as np


def label_encode(values):
    classes, codes = np.unique(np.asarray(values), return_inverse=True)
    return codes, classes


def one_hot(codes, n_classes=None):
    codes = np.asarray(codes)
    if n_classes is None:
        n_classes = codes.max()
    out = np.zeros((len(codes), n_classes))
    for c in range(n_classes):
        out[codes == c, c] = 1.0
    return out
