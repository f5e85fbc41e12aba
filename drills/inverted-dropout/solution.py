"""Inverted dropout: drop with probability p, rescale the survivors during training only."""

import numpy as np


def dropout(x, p, training=True, seed=None):
    """Apply inverted dropout to x; return (out, mask) with mask 1 = kept, 0 = dropped."""
    x = np.asarray(x, dtype=float)
    if not training:
        return x, np.ones_like(x)  # evaluation: the identity, nothing to rescale
    rng = np.random.default_rng(seed)
    # One Bernoulli draw per element: 1 (keep) with probability 1 - p, 0 (drop) with probability p.
    mask = rng.binomial(1, 1 - p, size=x.shape)
    # Dividing the survivors by the keep probability makes E[out] = x, so that evaluation can
    # use the full network without any rescaling.
    return x * mask / (1 - p), mask
