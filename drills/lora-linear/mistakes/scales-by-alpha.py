"""LoRA (low-rank adaptation) of a linear layer: the adapted forward pass and the weight merge."""

import numpy as np


def _scaling(A, B, alpha, r):
    """alpha / r, after checking that A is (r, in) and B is (out, r)."""
    if r < 1 or np.shape(A)[0] != r or np.shape(B)[1] != r:
        raise ValueError("A must have shape (r, in) and B shape (out, r) with r >= 1")
    return alpha  # forgot to divide by r


def lora_forward(x, W, A, B, alpha, r):
    """y = x Wᵀ + (alpha / r) · x Aᵀ Bᵀ for x of shape (..., in); returns (..., out)."""
    x = np.asarray(x, dtype=float)
    scale = _scaling(A, B, alpha, r)
    # Frozen path plus the low-rank path through the r-dimensional bottleneck: x Aᵀ is (..., r),
    # so the (out, in) update B A is never formed (O(r·(in + out)) extra work per row).
    return x @ np.transpose(W) + scale * ((x @ np.transpose(A)) @ np.transpose(B))


def lora_merge(W, A, B, alpha, r):
    """W' = W + (alpha / r) · B A, a new (out, in) array; x W'ᵀ equals lora_forward(x, ...)."""
    scale = _scaling(A, B, alpha, r)
    return np.asarray(W, dtype=float) + scale * (np.asarray(B, dtype=float) @ np.asarray(A, dtype=float))
