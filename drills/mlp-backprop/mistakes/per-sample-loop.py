import numpy as np


def mlp_forward(X, params):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    Z1 = np.zeros((n, params["W1"].shape[1]))
    A1 = np.zeros_like(Z1)
    probs = np.zeros((n, params["W2"].shape[1]))
    for i in range(n):
        Z1[i] = X[i] @ params["W1"] + params["b1"]
        A1[i] = np.maximum(Z1[i], 0)
        z2 = A1[i] @ params["W2"] + params["b2"]
        e = np.exp(z2 - z2.max())
        probs[i] = e / e.sum()
    return probs, {"Z1": Z1, "A1": A1, "probs": probs}


def mlp_backward(X, Y_onehot, params, cache):
    X = np.asarray(X, dtype=float)
    dZ2 = (cache["probs"] - Y_onehot) / len(X)
    dA1 = dZ2 @ params["W2"].T
    dZ1 = dA1 * (cache["Z1"] > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": cache["A1"].T @ dZ2, "b2": dZ2.sum(axis=0)}
