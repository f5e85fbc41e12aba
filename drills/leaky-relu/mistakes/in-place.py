import numpy as np


def leaky_relu(x, alpha=0.01):
    x[x < 0] *= alpha
    return x


def leaky_relu_grad(x, alpha=0.01):
    grad = np.ones(np.shape(x))
    grad[np.asarray(x) <= 0] = alpha
    return grad
