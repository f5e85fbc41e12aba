"""Dense layer Z = X @ W + b: forward pass and gradients (plain matrix products on NumPy arrays)."""


def dense_forward(X, W, b):
    """Return Z = X @ W + b for X (n, d_in), W (d_in, d_out), b (d_out,)."""
    # (n, d_in) @ (d_in, d_out) -> (n, d_out); b broadcasts over the n rows.
    return X @ W + b


def dense_backward(dZ, X, W):
    """Return (dX, dW, db) given the upstream gradient dZ (n, d_out)."""
    dX = dZ @ W.T  # (n, d_out) @ (d_out, d_in): each input feeds every output through W
    dW = X.T @ dZ  # (d_in, n) @ (n, d_out): the matrix product sums the per-sample outer products
    db = dZ.sum(axis=0)  # b was added to every row, so its gradient sums dZ over the batch
    return dX, dW, db
