"""Learning byte-pair-encoding merges, from scratch (pure Python: collections.Counter is allowed)."""

from collections import Counter

END = "</w>"


def bpe_merges(word_freqs, num_merges):
    """Return (merges, segmentation).

    word_freqs: dict word -> positive int count. merges: list of (left, right) pairs in the order
    learned; segmentation: dict word -> list of its final symbols.
    """
    # TODO: raise ValueError if num_merges < 0
    # TODO: each word -> tuple of its characters + ("</w>",)
    # TODO: repeat num_merges times: count adjacent pairs weighted by frequency; stop if none;
    #       best = highest count, ties -> smallest pair; merge it left to right in every word
    raise NotImplementedError
