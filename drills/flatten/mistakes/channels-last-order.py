import numpy as np


def flatten(x):
    x = np.asarray(x)
    if x.ndim == 4:  # NCHW -> NHWC first, "like Keras"
        x = x.transpose(0, 2, 3, 1)
    return x.reshape(x.shape[0], -1)
