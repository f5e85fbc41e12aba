"""Temperature, top-k and top-p (nucleus) filtering of next-token logits, and inverse-CDF sampling."""

import numpy as np


def filtered_distribution(logits, temperature=1.0, top_k=None, top_p=None):
    """Next-token probabilities after temperature, then top-k, then top-p filtering.

    logits: array-like (..., V); the last axis is the vocabulary; -inf marks a banned token.
    temperature: float >= 0 (0 = greedy one-hot at the first maximum). top_k: None or int >= 1
    (tokens tied with the k-th largest logit are all kept). top_p: None or float in (0, 1]
    (keep the smallest set of most likely tokens whose probability sums to >= top_p).
    Returns floats of the same shape; each row sums to 1; removed tokens are exactly 0.
    Raise ValueError for temperature < 0, top_k < 1, or top_p outside (0, 1].
    """
    # TODO: validate the arguments; handle temperature == 0 (one-hot at np.argmax)
    # TODO: divide the logits by the temperature
    # TODO: top-k: set logits below the k-th largest to -inf
    # TODO: stable softmax (subtract each row's max)
    # TODO: top-p: sort descending, keep tokens whose mass ahead of them is < top_p, renormalise
    raise NotImplementedError


def sample(probabilities, u):
    """Inverse CDF: the first index whose cumulative probability exceeds u (u in [0, 1)).

    probabilities: (V,) non-negative, summing to 1. u: a float or an array of floats.
    Returns an int for a scalar u, an int array of u's shape otherwise.
    """
    # TODO: cumulative sum, then the first index with cdf > u (np.searchsorted, side="right")
    raise NotImplementedError


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, seed=None):
    """One token id from 1-D logits: sample(filtered_distribution(...), u) with
    u = np.random.default_rng(seed).random()."""
    # TODO: draw u with np.random.default_rng(seed).random(), then use the two functions above
    raise NotImplementedError
