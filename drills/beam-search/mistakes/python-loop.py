"""Beam search over a next-token model, with finished hypotheses set aside and length normalisation."""

import numpy as np


def _as_step(step_fn):
    if callable(step_fn):
        return step_fn
    table = np.asarray(step_fn, dtype=float)          # a bigram table: row = last token
    return lambda prefix: table[prefix[-1]]


def beam_search(step_fn, start_token, end_token, beam_width, max_len, length_penalty=0.0):
    """Return (sequence, score): the best hypothesis (a list starting with start_token) and
    its total log-probability divided by L ** length_penalty, L = tokens after the start token."""
    if min(beam_width, max_len) < 1:
        raise ValueError("beam_width and max_len must be at least 1")
    step = _as_step(step_fn)
    live = [(int(start_token),)]
    live_scores = np.zeros(1)
    finished = []                                      # (sequence, total log-probability)
    for _ in range(max_len):
        if not live:
            break
        candidates = []
        for seq, s in zip(live, live_scores):
            row = step(seq)
            for v in range(len(row)):
                total = float(s) + float(row[v])
                if total > -np.inf:
                    candidates.append((-total, seq + (v,)))
        candidates.sort()
        new_live, new_scores = [], []
        for neg, seq in candidates[:beam_width]:
            if seq[-1] == end_token:
                finished.append((seq, -neg))
            else:
                new_live.append(seq)
                new_scores.append(-neg)
        live, live_scores = new_live, np.array(new_scores)
    finished.extend(zip(live, live_scores))            # hypotheses cut off at max_len
    if not finished:
        raise ValueError("every continuation of the start token has log-probability -inf")

    def normalised(item):
        seq, total = item
        return total / (len(seq) - 1) ** length_penalty

    best = min(finished, key=lambda item: (-normalised(item), item[0]))
    return list(best[0]), float(normalised(best))
