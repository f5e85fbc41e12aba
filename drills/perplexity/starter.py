"""Corpus perplexity, from scratch with NumPy."""

import math

import numpy as np


def perplexity(token_log_probs, base=math.e):
    """Return base ** (total negative log-likelihood / total number of tokens) as a float.

    token_log_probs: one sequence of per-token log-probabilities (a 1-D array or a list of numbers)
    or several (a list of 1-D arrays / lists, or a 2-D array). They are logarithms in `base`.
    """
    # TODO: pool the tokens of every sequence into one 1-D float array
    # TODO: raise ValueError if there is no token, or a log-probability is positive or NaN
    # TODO: mean negative log-likelihood per token, then base ** it (stay in log space)
    raise NotImplementedError
