"""Sentence BLEU: clipped n-gram precisions, their weighted geometric mean, a brevity penalty."""

import math
from collections import Counter


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu(candidate, references, max_n=4, weights=None, smooth=False):
    """BLEU of one tokenised candidate against one or more tokenised references, in [0, 1]."""
    candidate = list(candidate)
    references = [list(r) for r in references]
    if not references:
        raise ValueError("at least one reference is needed")
    if max_n < 1:
        raise ValueError("max_n must be at least 1")
    if weights is None:
        weights = [1.0 / max_n] * max_n
    if len(weights) != max_n:
        raise ValueError("weights must have max_n entries")
    c = len(candidate)
    if c == 0:
        return 0.0
    log_sum = 0.0
    for n, w in zip(range(1, max_n + 1), weights):
        counts = _ngrams(candidate, n)
        max_ref = Counter()                      # per n-gram, the most any single reference holds
        for ref in references:
            max_ref |= _ngrams(ref, n)           # | keeps the element-wise maximum
        clipped = sum(min(k, max_ref[g]) for g, k in counts.items())
        total = max(1, c - n + 1)                # number of candidate n-grams (at least 1)
        if smooth and n > 1:                     # add-one (Lin & Och 2004; NLTK method2)
            clipped, total = clipped + 1, total + 1
        if clipped == 0:
            return 0.0                           # the geometric mean of anything with a zero is zero
        log_sum += w * math.log(clipped / total)
    # Closest reference length; ties go to the shorter one.
    r = min((len(ref) for ref in references), key=lambda length: (abs(length - c), length))
    log_bp = 1.0 - r / c
    return math.exp(log_bp + log_sum)
