import numpy as np


def mlp_forward(X, params):
    X = np.asarray(X, dtype=float)
    Z1 = X @ params["W1"] + params["b1"]
    A1 = np.maximum(Z1, 0)
    Z2 = A1 @ params["W2"] + params["b2"]
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    probs = E / E.sum(axis=1, keepdims=True)
    return probs, {"Z1": Z1, "A1": A1, "probs": probs}


def mlp_backward(X, Y_onehot, params, cache):
    X = np.asarray(X, dtype=float)
    dZ2 = (cache["probs"] - Y_onehot) / len(X)
    dA1 = dZ2 @ params["W2"].T
    dZ1 = dA1 * (cache["Z1"] > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.mean(axis=0), "W2": cache["A1"].T @ dZ2, "b2": dZ2.mean(axis=0)}
