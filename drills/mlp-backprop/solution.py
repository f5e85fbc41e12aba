"""A two-layer MLP (dense → ReLU → dense → softmax) with a hand-written backward pass."""

import numpy as np


def softmax(Z):
    """Row-wise softmax. Subtracting each row's max leaves the result unchanged but keeps exp() finite."""
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def mlp_forward(X, params):
    """probs = softmax(relu(X @ W1 + b1) @ W2 + b2), shape (n, c); cache = what backward needs."""
    X = np.asarray(X, dtype=float)
    Z1 = X @ params["W1"] + params["b1"]  # (n, h) pre-activations
    A1 = np.maximum(Z1, 0)  # (n, h) hidden activations
    probs = softmax(A1 @ params["W2"] + params["b2"])  # (n, c)
    return probs, {"Z1": Z1, "A1": A1, "probs": probs}


def mlp_backward(X, Y_onehot, params, cache):
    """Gradients of the mean cross-entropy -mean_i sum_k Y_ik log(probs_ik) w.r.t. W1, b1, W2, b2."""
    X = np.asarray(X, dtype=float)
    # Softmax + cross-entropy: dL/dZ2 = (probs - Y) / n. The 1/n comes from the mean over the batch.
    dZ2 = (cache["probs"] - Y_onehot) / X.shape[0]  # (n, c); a new array, the cache is not modified
    dW2 = cache["A1"].T @ dZ2  # (h, c): the same shape as W2
    db2 = dZ2.sum(axis=0)  # (c,): the bias is added to every row, so its gradient sums over rows
    dA1 = dZ2 @ params["W2"].T  # (n, h): back through the second dense layer
    dZ1 = dA1 * (cache["Z1"] > 0)  # ReLU passes the gradient where z > 0 (derivative 0 at z = 0)
    dW1 = X.T @ dZ1  # (d, h)
    db1 = dZ1.sum(axis=0)  # (h,)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
