"""Independent oracles for the numeric questions of content/18-nlp.yaml.

Counts are realised as token lists or arrays and the quantities recomputed from them with NumPy
(document-frequency tables, explicit n-gram overlaps, per-token log-probabilities), so none of them
reuses the YAML expression.
"""

from __future__ import annotations

from collections import Counter

import numpy as np


def _tokenization_length(words, r1, r2):
    # Build the attention score matrices' sizes explicitly and compare their entry counts.
    len_a = int(round(words * r1))
    len_b = int(round(words * r2))
    cost_a = np.ones((len_a, len_a)).sum()
    cost_b = np.ones((len_b, len_b)).sum()
    return float(cost_b / cost_a)


def _tfidf(tf, n, df):
    # A corpus of n documents, the term present in the first df of them.
    present = np.zeros(n, dtype=bool)
    present[:df] = True
    idf = -np.log(present.mean())
    doc = ["t"] * tf + ["other"] * 5
    return float(Counter(doc)["t"] * idf)


def _tfidf_smooth(n, df):
    present = np.zeros(n + 1, dtype=bool)   # one imaginary document containing every term
    present[: df + 1] = True
    return float(np.log(present.size / present.sum()) + 1.0)


def _negative_sampling(v, k):
    full = np.zeros(v).size
    sampled = np.zeros(k + 1).size
    return full / sampled


def _cosine(a1, a2, a3, b1, b2, b3):
    u = np.array([a1, a2, a3], dtype=float)
    w = np.array([b1, b2, b3], dtype=float)
    u /= np.linalg.norm(u)
    w /= np.linalg.norm(w)
    return float(u @ w)


def _beam_candidates(b, v):
    scores = np.zeros((b, v))
    return scores.size


def _length_penalty(logp, n, alpha):
    lp = np.exp(alpha * (np.log(5.0 + n) - np.log(6.0)))
    return float(logp / lp)


def _brevity_penalty(c, r):
    return float(np.exp(1.0 - np.float64(r) / c)) if c < r else 1.0


def _rouge1(overlap, ref):
    ref_tokens = [f"w{i}" for i in range(ref)]
    cand_tokens = ref_tokens[:overlap] + ["x"] * 3
    common = Counter(ref_tokens) & Counter(cand_tokens)
    return sum(common.values()) / len(ref_tokens)


def _perplexity(nll):
    per_token = np.full(7, nll)
    return float(np.exp(per_token.mean()))


def _perplexity_per_char(ppl, tokens, chars):
    token_nll = np.full(tokens, np.log(ppl))
    total_bits = token_nll.sum() / np.log(2.0)
    return float(2.0 ** (total_bits / chars))


ORACLES = {
    "nlp-tokenization-length-param-01": _tokenization_length,
    "nlp-tfidf-param-01": _tfidf,
    "nlp-tfidf-smooth-param-01": _tfidf_smooth,
    "nlp-word2vec-negative-param-01": _negative_sampling,
    "nlp-embedding-cosine-param-01": _cosine,
    "nlp-beam-search-param-01": _beam_candidates,
    "nlp-length-penalty-param-01": _length_penalty,
    "nlp-bleu-brevity-param-01": _brevity_penalty,
    "nlp-rouge-param-01": _rouge1,
    "nlp-perplexity-param-01": _perplexity,
    "nlp-perplexity-tokenizer-param-01": _perplexity_per_char,
}
