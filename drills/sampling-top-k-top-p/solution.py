"""Temperature, top-k and nucleus (top-p) filtering of next-token logits, and inverse-CDF sampling."""

import numpy as np


def filtered_distribution(logits, temperature=1.0, top_k=None, top_p=None):
    """Next-token probabilities after temperature scaling, then top-k, then top-p (nucleus) filtering.

    logits: (..., V) floats (-inf allowed for banned tokens); the last axis is the vocabulary.
    Returns a float array of the same shape; every row sums to 1, removed tokens are exactly 0.
    """
    z = np.asarray(logits, dtype=float)
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if top_k is not None and top_k < 1:
        raise ValueError("top_k must be None or >= 1")
    if top_p is not None and not 0 < top_p <= 1:
        raise ValueError("top_p must be None or in (0, 1]")
    if temperature == 0:
        # Greedy decoding: all the mass on the first most likely token.
        greedy = np.zeros_like(z)
        np.put_along_axis(greedy, np.argmax(z, axis=-1)[..., None], 1.0, axis=-1)
        return greedy
    z = z / temperature  # a new array (the caller's logits are untouched): the steps below work in place
    if top_k is not None and top_k < z.shape[-1]:
        # The k-th largest logit of each row; every token tied with it is kept.
        kth = np.sort(z, axis=-1)[..., -top_k, None]
        z[z < kth] = -np.inf
    # Stable softmax over the (remaining) vocabulary: subtract each row's max first.
    z -= z.max(axis=-1, keepdims=True)
    probs = np.exp(z, out=z)
    probs /= probs.sum(axis=-1, keepdims=True)
    if top_p is not None and top_p < 1:
        # Most likely first; ties keep the lower index first (stable sort).
        order = np.argsort(-probs, axis=-1, kind="stable")
        sorted_p = np.take_along_axis(probs, order, axis=-1)
        # Mass of the tokens strictly ahead of each one: a token is kept while that mass is
        # still below top_p, so the token that crosses the threshold is kept too.
        ahead = np.cumsum(sorted_p, axis=-1)
        ahead -= sorted_p
        sorted_p[ahead >= top_p] = 0.0  # drop the rest, in sorted order...
        np.put_along_axis(probs, order, sorted_p, axis=-1)  # ...and write back in vocabulary order
        probs /= probs.sum(axis=-1, keepdims=True)
    return probs


def sample(probabilities, u):
    """Inverse-CDF sampling: the first index whose cumulative probability exceeds u.

    probabilities: (V,) non-negative, summing to 1. u: a float in [0, 1) or an array of them.
    Returns an int (scalar u) or an int array of u's shape.
    """
    p = np.asarray(probabilities, dtype=float)
    cdf = np.cumsum(p)
    # side="right": the first i with cdf[i] > u, so zero-probability tokens are never chosen.
    idx = np.searchsorted(cdf, u, side="right")
    # If rounding leaves cdf[-1] <= u, fall back on the last token with positive probability.
    last = np.flatnonzero(p)[-1]
    idx = np.minimum(idx, last)
    return idx if np.ndim(idx) else int(idx)


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, seed=None):
    """Sample one token id from 1-D logits with u = np.random.default_rng(seed).random()."""
    u = np.random.default_rng(seed).random()
    return sample(filtered_distribution(logits, temperature, top_k, top_p), u)
