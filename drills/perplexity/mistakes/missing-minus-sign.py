"""Corpus perplexity from per-token log-probabilities."""

import math

import numpy as np


def perplexity(token_log_probs, base=math.e):
    """Corpus-level perplexity: base ** (total negative log-likelihood / total number of tokens).

    token_log_probs: one sequence (1-D array or list of numbers) or several (a list of 1-D arrays
    or lists, or a 2-D array); the log-probabilities are logarithms in `base`."""
    # Corpus level means pooling every token of every sequence, so the nesting does not matter.
    parts = [np.asarray(seq, dtype=float).ravel() for seq in token_log_probs]
    logp = np.concatenate(parts) if parts else np.zeros(0)
    if logp.size == 0:
        raise ValueError("no tokens")
    if np.isnan(logp).any() or (logp > 0).any():
        raise ValueError("log-probabilities must be <= 0 (and not NaN)")
    mean_nll = -np.sum(logp) / logp.size       # average in log space: never a product of probabilities
    with np.errstate(over="ignore"):
        return np.exp(-mean_nll * np.log(base))
