import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=float)
    # "Avoid underflow": clip the shifted logits at -30, so exp(-40) = 4.2e-18 becomes 9.4e-14.
    e = np.exp(np.clip(x - x.max(axis=axis, keepdims=True), -30.0, None))
    return e / e.sum(axis=axis, keepdims=True)
