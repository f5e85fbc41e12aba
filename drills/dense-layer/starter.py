"""Dense (fully connected) layer, forward and backward, from scratch with NumPy."""

import numpy as np


def dense_forward(X, W, b):
    """Return Z = X @ W + b.

    X: (n, d_in); W: (d_in, d_out); b: (d_out,), added to every row. Returns Z: (n, d_out).
    """
    # TODO: matrix product plus the bias (broadcast over the rows)
    raise NotImplementedError


def dense_backward(dZ, X, W):
    """Return the gradients (dX, dW, db) of the loss, given dZ = dL/dZ for Z = X @ W + b.

    dZ: (n, d_out); X: (n, d_in); W: (d_in, d_out).
    Returns a tuple: dX (n, d_in), dW (d_in, d_out), db (d_out,). Sums over the batch, no 1/n.
    """
    # TODO: dX from dZ and W (mind the transpose)
    # TODO: dW from X and dZ (a sum over the batch)
    # TODO: db from dZ
    raise NotImplementedError
