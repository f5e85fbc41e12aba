import numpy as np


def dense_forward(X, W, b):
    return X @ W + b


def dense_backward(dZ, X, W):
    n = X.shape[0]
    dX = np.zeros(X.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(W.shape[1])
    for i in range(n):
        dX[i] = W @ dZ[i]
        dW += np.outer(X[i], dZ[i])
        db += dZ[i]
    return dX, dW, db
