"""A two-layer MLP with backpropagation, from scratch with NumPy."""

import numpy as np


def mlp_forward(X, params):
    """Forward pass: probs = softmax(relu(X @ W1 + b1) @ W2 + b2), row-wise softmax.

    X: (n, d); params: dict with W1 (d, h), b1 (h,), W2 (h, c), b2 (c,).
    Returns (probs, cache): probs (n, c) with rows summing to 1; cache a dict/tuple of arrays
    that mlp_backward needs (e.g. Z1, A1, probs).
    """
    # TODO: hidden pre-activations Z1 and ReLU activations A1
    # TODO: logits Z2 and a numerically stable row-wise softmax
    # TODO: return probs and a cache of the intermediate arrays
    raise NotImplementedError


def mlp_backward(X, Y_onehot, params, cache):
    """Backward pass: gradients of the mean cross-entropy w.r.t. W1, b1, W2, b2.

    Y_onehot: (n, c). Returns a dict {"W1": ..., "b1": ..., "W2": ..., "b2": ...} whose arrays
    have the shapes of the parameters. Must not modify any argument (including the cache).
    """
    # TODO: dZ2 = (probs - Y) / n   (softmax + cross-entropy, mean over the batch)
    # TODO: gradients of W2 and b2, then back through W2 and the ReLU
    # TODO: gradients of W1 and b1
    raise NotImplementedError
