"""LoRA (low-rank adaptation) of a linear layer, from scratch with NumPy."""

import numpy as np


def lora_forward(x, W, A, B, alpha, r):
    """y = x Wᵀ + (alpha / r) · x Aᵀ Bᵀ.

    x: (..., in); W: (out, in) frozen weight; A: (r, in); B: (out, r); alpha: float; r: int.
    Returns (..., out) floats. Raise ValueError unless A.shape[0] == B.shape[1] == r >= 1.
    """
    # TODO: check r against A and B; scale = alpha / r
    # TODO: frozen path x @ W.T plus scale * ((x @ A.T) @ B.T)
    raise NotImplementedError


def lora_merge(W, A, B, alpha, r):
    """Return a NEW (out, in) array W + (alpha / r) · B @ A (W itself must not change)."""
    # TODO: same checks; return W + scale * (B @ A) without modifying W
    raise NotImplementedError
