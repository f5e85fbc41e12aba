"""Learning byte-pair-encoding merges (Sennrich et al., 2016) from a word-frequency table."""

from collections import Counter

END = "</w>"


def _merge(symbols, pair, merged):
    """Replace every occurrence of `pair` in `symbols`, scanning left to right (non-overlapping)."""
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(merged)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def bpe_merges(word_freqs, num_merges):
    """Return (merges, segmentation): the learned pairs in order, and each word's final symbols."""
    if num_merges < 0:
        raise ValueError("num_merges must be non-negative")
    words = {word: tuple(word) for word in word_freqs}
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for word, symbols in words.items():
            for pair in zip(symbols, symbols[1:]):       # every adjacent position counts
                pairs[pair] += word_freqs[word]
        if not pairs:
            break                                        # every word is a single symbol
        best = min(pairs, key=lambda p: (-pairs[p], p))  # most frequent; ties -> smallest pair
        merges.append(best)
        words = {word: _merge(symbols, best, best[0] + best[1]) for word, symbols in words.items()}
    return merges, {word: list(symbols) for word, symbols in words.items()}
