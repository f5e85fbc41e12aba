import math

import numpy as np


def perplexity(token_log_probs, base=math.e):
    if isinstance(token_log_probs, np.ndarray):
        seqs = [token_log_probs] if token_log_probs.ndim == 1 else list(token_log_probs)
    elif all(np.ndim(x) == 0 for x in token_log_probs):
        seqs = [np.asarray(token_log_probs, dtype=float)]
    else:
        seqs = [np.asarray(s, dtype=float) for s in token_log_probs]
    seqs = [s for s in seqs if s.size]
    if not seqs:
        raise ValueError("no tokens")
    allp = np.concatenate(seqs)
    if np.isnan(allp).any() or (allp > 0).any():
        raise ValueError("bad log-probabilities")
    return float(base ** (-np.mean([s.mean() for s in seqs])))
