import numpy as np


def tanh(x):
    return np.tanh(x)


def tanh_grad(x):
    # "the derivative of tanh is 1 - tanh^2"... applied to the wrong variable
    return 1 - np.asarray(x, dtype=float) ** 2
