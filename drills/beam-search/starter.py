"""Beam search decoding, from scratch with NumPy."""

import numpy as np


def beam_search(step_fn, start_token, end_token, beam_width, max_len, length_penalty=0.0):
    """Return (sequence, score).

    step_fn: a function prefix_tuple -> 1-D array of log-probabilities over the vocabulary, or a
    (V, V) array `table`, meaning step_fn(prefix) = table[prefix[-1]] (a bigram model).
    sequence: a list of ints starting with start_token; score: total log-probability / L ** length_penalty,
    L = number of tokens after the start token.
    """
    # TODO: turn a table into a step function; raise ValueError if beam_width < 1 or max_len < 1
    # TODO: live = [(start_token,)] with score 0; finished = []
    # TODO: for each of max_len steps: candidate scores = live scores[:, None] + next log-probs
    #       keep the beam_width best finite candidates (ties -> lexicographically smaller sequence)
    #       candidates ending in end_token go to finished, the others are the new live beams
    # TODO: the final candidates are finished + live; return the best normalised one
    raise NotImplementedError
