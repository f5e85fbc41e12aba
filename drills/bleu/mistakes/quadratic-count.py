import math


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
    log_sum = 0.0
    for n, w in zip(range(1, max_n + 1), weights):
        grams = [tuple(candidate[i:i + n]) for i in range(c - n + 1)]
        ref_grams = [[tuple(r[i:i + n]) for i in range(len(r) - n + 1)] for r in references]
        clipped = 0
        for g in set(grams):
            clipped += min(grams.count(g), max(rg.count(g) for rg in ref_grams))
        total = max(1, c - n + 1)
        if smooth and n > 1:
            clipped, total = clipped + 1, total + 1
        if clipped == 0:
            return 0.0
        log_sum += w * math.log(clipped / total)
    r = min((len(ref) for ref in references), key=lambda length: (abs(length - c), length))
    return math.exp(min(0.0, 1.0 - r / c) + log_sum)
