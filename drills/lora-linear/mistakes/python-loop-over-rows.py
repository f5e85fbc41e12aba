import numpy as np


def lora_forward(x, W, A, B, alpha, r):
    if r < 1 or np.shape(A)[0] != r or np.shape(B)[1] != r:
        raise ValueError("bad rank")
    x = np.asarray(x, dtype=float)
    W, A, B = (np.asarray(m, dtype=float) for m in (W, A, B))
    rows = x.reshape(-1, x.shape[-1])
    out = np.empty((rows.shape[0], W.shape[0]))
    for i in range(rows.shape[0]):
        out[i] = W @ rows[i] + alpha / r * (B @ (A @ rows[i]))
    return out.reshape(x.shape[:-1] + (W.shape[0],))


def lora_merge(W, A, B, alpha, r):
    if r < 1 or np.shape(A)[0] != r or np.shape(B)[1] != r:
        raise ValueError("bad rank")
    return np.asarray(W, dtype=float) + alpha / r * (np.asarray(B, dtype=float) @ np.asarray(A, dtype=float))
