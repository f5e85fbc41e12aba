from collections import Counter

import numpy as np


def label_encode(values):
    classes = [v for v, _ in Counter(list(values)).most_common()]
    index = {v: i for i, v in enumerate(classes)}
    return np.array([index[v] for v in values]), np.array(classes)


def one_hot(codes, n_classes=None):
    codes = np.asarray(codes)
    if n_classes is None:
        n_classes = codes.max() + 1
    return np.eye(n_classes)[codes]
