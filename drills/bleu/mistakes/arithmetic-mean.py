import math
from collections import Counter


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu(candidate, references, max_n=4, weights=None, smooth=False):
    candidate, references = list(candidate), [list(r) for r in references]
    if not references:
        raise ValueError("no reference")
    if max_n < 1:
        raise ValueError("max_n")
    weights = [1.0 / max_n] * max_n if weights is None else list(weights)
    if len(weights) != max_n:
        raise ValueError("weights")
    c = len(candidate)
    if c == 0:
        return 0.0
    score = 0.0
    for n, w in zip(range(1, max_n + 1), weights):
        counts = _ngrams(candidate, n)
        max_ref = Counter()
        for ref in references:
            max_ref |= _ngrams(ref, n)
        clipped = sum(min(k, max_ref[g]) for g, k in counts.items())
        total = max(1, c - n + 1)
        if smooth and n > 1:
            clipped, total = clipped + 1, total + 1
        if clipped == 0:
            return 0.0
        score += w * clipped / total
    r = min((len(ref) for ref in references), key=lambda length: (abs(length - c), length))
    return math.exp(min(0.0, 1.0 - r / c)) * score
