import numpy as np


def dense_forward(X, W, b):
    return X @ W + b


def dense_backward(dZ, X, W):
    n = X.shape[0]
    dX = dZ @ W.T
    dW = X.T @ dZ / n
    db = dZ.mean(axis=0)
    return dX, dW, db
