from collections import Counter


def bpe_merges(word_freqs, num_merges):
    if num_merges < 0:
        raise ValueError("num_merges must be non-negative")
    vocab = {word: " ".join(list(word) + ["</w>"]) for word in word_freqs}
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for word, text in vocab.items():
            symbols = text.split()
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += word_freqs[word]
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        vocab = {w: t.replace(" ".join(best), "".join(best)) for w, t in vocab.items()}
    return merges, {w: t.split() for w, t in vocab.items()}
