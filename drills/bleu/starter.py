"""Sentence BLEU, from scratch (pure Python: collections.Counter is allowed)."""

from collections import Counter


def bleu(candidate, references, max_n=4, weights=None, smooth=False):
    """BLEU of one tokenised candidate (a list of tokens) against a list of tokenised references.

    Returns a float in [0, 1].
    """
    # TODO: validate (at least one reference, len(weights) == max_n); default weights 1/max_n
    # TODO: an empty candidate scores 0.0
    # TODO: for n = 1..max_n: clipped n-gram matches / max(1, number of candidate n-grams)
    #       (clip each n-gram count by its maximum count in any single reference)
    # TODO: smoothing (smooth=True): add 1 to numerator and denominator for n > 1 only
    # TODO: any zero precision -> 0.0; otherwise exp(sum of w_n * ln p_n)
    # TODO: brevity penalty with the closest reference length (ties -> shorter)
    raise NotImplementedError
