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
        cand = live_scores[:, None] + np.stack([np.asarray(step(seq), dtype=float) for seq in live])
        n_beams, vocab = cand.shape
        # All live beams have the same length, so the lexicographic order of a candidate is
        # (lexicographic rank of its beam, its token).
        beam_rank = np.empty(n_beams, dtype=int)
        beam_rank[sorted(range(n_beams), key=live.__getitem__)] = np.arange(n_beams)
        flat = cand.ravel()
        beam_of, token_of = np.divmod(np.arange(flat.size), vocab)
        order = np.lexsort((token_of, beam_rank[beam_of], -flat))   # best score, then lexicographic
        order = order[flat[order] > -np.inf][:beam_width]           # impossible tokens never enter
        new_live, new_scores = [], []
        for k in order:
            seq = live[beam_of[k]] + (int(token_of[k]),)
            if token_of[k] == end_token:
                finished.append((seq, flat[k]))        # set aside: never expanded again
            else:
                new_live.append(seq)
                new_scores.append(flat[k])
        live, live_scores = new_live, np.array(new_scores)
        if finished:
            break
    finished.extend(zip(live, live_scores))            # hypotheses cut off at max_len
    if not finished:
        raise ValueError("every continuation of the start token has log-probability -inf")

    def normalised(item):
        seq, total = item
        return total / (len(seq) - 1) ** length_penalty

    best = min(finished, key=lambda item: (-normalised(item), item[0]))
    return list(best[0]), float(normalised(best))
