"""The nlp drill references agree with libraries (or an independent implementation) on random
inputs inside their contracts (test-only: the drills themselves never import these libraries).

- tf-idf vs sklearn.feature_extraction.text.TfidfVectorizer(analyzer=lambda d: d) for every
  combination of smooth_idf, sublinear_tf and norm (l2, l1, None).
- bleu vs nltk.translate.bleu_score.sentence_bleu when nltk is installed (method2 smoothing), and
  always vs the independent exact-fraction implementation below.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from tests.helpers import load_reference as load

ROOT = Path(__file__).resolve().parent.parent




# ------------------------------------------------------------------------------------ tf-idf

def random_corpus(rng):
    words = [f"w{i}" for i in range(int(rng.integers(2, 60)))] + ["Apple", "apple", "b"]
    p = 1.0 / np.arange(1, len(words) + 1) ** rng.uniform(0.3, 1.5)
    docs = [[str(t) for t in rng.choice(words, size=int(rng.integers(0, 40)), p=p / p.sum())]
            for _ in range(int(rng.integers(1, 30)))]
    docs[int(rng.integers(len(docs)))].append(words[0])          # at least one token
    return docs


@pytest.mark.content
@pytest.mark.parametrize("seed", range(60))
def test_tfidf_matches_sklearn_tfidf_vectorizer(seed):
    text = pytest.importorskip("sklearn.feature_extraction.text")
    ref = load("tf-idf")
    rng = np.random.default_rng(seed)
    docs = random_corpus(rng)
    for smooth in (True, False):
        for sublinear in (False, True):
            for norm in ("l2", "l1", None):
                vec = text.TfidfVectorizer(analyzer=lambda d: d, smooth_idf=smooth, sublinear_tf=sublinear, norm=norm)
                expected = vec.fit_transform(docs).toarray()
                matrix, vocab = ref.tfidf(docs, smooth_idf=smooth, sublinear_tf=sublinear, norm=norm)
                assert vocab == list(vec.get_feature_names_out())
                np.testing.assert_allclose(matrix, expected, rtol=1e-10, atol=1e-12)


@pytest.mark.content
def test_tfidf_empty_vocabulary_raises_like_sklearn():
    text = pytest.importorskip("sklearn.feature_extraction.text")
    ref = load("tf-idf")
    with pytest.raises(ValueError):
        text.TfidfVectorizer(analyzer=lambda d: d).fit_transform([[], []])
    with pytest.raises(ValueError):
        ref.tfidf([[], []])


# -------------------------------------------------------------------------------------- bleu

def independent_bleu(candidate, references, max_n=4, weights=None, smooth=False):
    """Exact fractions, n-grams as joined strings, the maximum reference count found by scanning."""
    weights = [Fraction(1, max_n)] * max_n if weights is None else weights
    if not candidate:
        return 0.0
    precisions = []
    for n in range(1, max_n + 1):
        cand = [" ".join(candidate[i:i + n]) for i in range(len(candidate) - n + 1)]
        refs = [[" ".join(r[i:i + n]) for i in range(len(r) - n + 1)] for r in references]
        matches = 0
        for g in set(cand):
            matches += min(cand.count(g), max(r.count(g) for r in refs))
        p = Fraction(matches, max(1, len(cand)))
        if smooth and n >= 2:
            p = Fraction(matches + 1, max(1, len(cand)) + 1)
        precisions.append(p)
    if any(p == 0 for p in precisions):
        return 0.0
    c = len(candidate)
    lengths = sorted(len(r) for r in references)
    r = lengths[0]
    for length in lengths:                      # ascending, so the first of equally close wins
        if abs(length - c) < abs(r - c):
            r = length
    bp = 1.0 if c > r else math.exp(1 - r / c)
    return bp * math.exp(sum(float(w) * math.log(p) for w, p in zip(weights, precisions)))


def random_bleu_case(rng):
    vocab = [f"t{i}" for i in range(int(rng.integers(2, 10)))]
    base = [str(t) for t in rng.choice(vocab, size=int(rng.integers(1, 25)))]
    refs = []
    for _ in range(int(rng.integers(1, 5))):
        ref = [t if rng.random() < 0.75 else str(rng.choice(vocab)) for t in base]
        refs.append(ref[: max(1, len(ref) + int(rng.integers(-6, 6)))])
    cand = base[: max(1, len(base) + int(rng.integers(-6, 2)))]
    max_n = int(rng.integers(1, 5))
    weights = None
    if rng.random() < 0.4:
        w = rng.dirichlet(np.ones(max_n))
        weights = [float(x) for x in w]
    return cand, refs, max_n, weights


@pytest.mark.content
@pytest.mark.parametrize("seed", range(80))
def test_bleu_matches_an_independent_implementation(seed):
    ref = load("bleu")
    rng = np.random.default_rng(seed)
    cand, refs, max_n, weights = random_bleu_case(rng)
    for smooth in (False, True):
        expected = independent_bleu(cand, refs, max_n, weights, smooth)
        got = ref.bleu(cand, refs, max_n=max_n, weights=weights, smooth=smooth)
        assert got == pytest.approx(expected, rel=1e-12, abs=1e-15)


@pytest.mark.content
@pytest.mark.parametrize("seed", range(60))
def test_bleu_matches_nltk_sentence_bleu(seed):
    bleu_score = pytest.importorskip("nltk.translate.bleu_score")
    ref = load("bleu")
    rng = np.random.default_rng(1000 + seed)
    cand, refs, max_n, weights = random_bleu_case(rng)
    w = tuple(weights) if weights is not None else tuple([1.0 / max_n] * max_n)
    for smooth in (False, True):
        fn = bleu_score.SmoothingFunction().method2 if smooth else None
        expected = bleu_score.sentence_bleu(refs, cand, weights=w, smoothing_function=fn)
        got = ref.bleu(cand, refs, max_n=max_n, weights=weights, smooth=smooth)
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)


# -------------------------------------------------------------------------------- perplexity

@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_perplexity_is_exp_of_sklearn_log_loss(seed):
    metrics = pytest.importorskip("sklearn.metrics")
    ref = load("perplexity")
    rng = np.random.default_rng(seed)
    V = int(rng.integers(2, 30))
    lengths = rng.integers(1, 40, size=int(rng.integers(1, 10)))
    probs = rng.dirichlet(np.full(V, rng.uniform(0.1, 3.0)), size=int(lengths.sum()))
    tokens = np.array([rng.choice(V, p=p) for p in probs])
    token_logp = np.log(probs[np.arange(len(tokens)), tokens])
    seqs = np.split(token_logp, np.cumsum(lengths)[:-1])
    expected = np.exp(metrics.log_loss(tokens, probs, labels=np.arange(V)))
    np.testing.assert_allclose(ref.perplexity(seqs), expected, rtol=1e-9)
    np.testing.assert_allclose(ref.perplexity([s / np.log(2) for s in seqs], base=2), expected, rtol=1e-9)


# ------------------------------------------------------------------ skipgram-negative-sampling

@pytest.mark.content
@pytest.mark.parametrize("seed", range(50))
def test_sgns_step_matches_scipy_loss_and_numerical_gradient(seed):
    special = pytest.importorskip("scipy.special")
    optimize = pytest.importorskip("scipy.optimize")
    ref = load("skipgram-negative-sampling")
    rng = np.random.default_rng(seed)
    V, d, k = int(rng.integers(2, 12)), int(rng.integers(1, 6)), int(rng.integers(0, 8))
    W_in, W_out = rng.normal(0, rng.uniform(0.1, 2.0), (V, d)), rng.normal(0, rng.uniform(0.1, 2.0), (V, d))
    center, context = (int(x) for x in rng.integers(0, V, size=2))
    negatives = rng.integers(0, V, size=k)
    lr = float(rng.uniform(0.01, 1.0))

    def loss(flat):
        A, B = flat[: V * d].reshape(V, d), flat[V * d:].reshape(V, d)
        v = A[center]
        return -special.log_expit(B[context] @ v) - np.sum(special.log_expit(-(B[negatives] @ v)))

    theta = np.concatenate([W_in.ravel(), W_out.ravel()])
    new_in, new_out, value = ref.sgns_step(W_in, W_out, center, context, negatives, lr)
    np.testing.assert_allclose(value, loss(theta), rtol=1e-12, atol=1e-12)
    grad = optimize.approx_fprime(theta, loss, 1e-7)
    step = np.concatenate([(W_in - new_in).ravel(), (W_out - new_out).ravel()]) / lr
    np.testing.assert_allclose(step, grad, rtol=1e-4, atol=2e-5)
