import numpy as np


def label_encode(values):
    mapping = {}
    for v in values:
        if v not in mapping:
            mapping[v] = len(mapping)
    codes = np.array([mapping[v] for v in values])
    return codes, np.array(list(mapping))


def one_hot(codes, n_classes=None):
    codes = np.asarray(codes)
    if n_classes is None:
        n_classes = codes.max() + 1
    return np.eye(n_classes)[codes]
