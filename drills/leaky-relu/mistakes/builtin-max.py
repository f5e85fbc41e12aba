import numpy as np


def leaky_relu(x, alpha=0.01):
    return max(alpha * x, x)


def leaky_relu_grad(x, alpha=0.01):
    return 1.0 if x > 0 else alpha
