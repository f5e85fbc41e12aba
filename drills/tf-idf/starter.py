"""TF-IDF on pre-tokenised documents, from scratch with NumPy (scikit-learn's conventions)."""

import numpy as np


def tfidf(docs_tokens, smooth_idf=True, sublinear_tf=False, norm="l2"):
    """Return (matrix, vocabulary).

    docs_tokens: a list of documents, each a list of string tokens (possibly empty).
    matrix: float array (n_docs, n_terms); vocabulary: list of the distinct tokens, sorted, in
    column order.
    """
    # TODO: check norm is "l2", "l1" or None; raise ValueError when there is no token at all
    # TODO: sorted vocabulary and a (n_docs, n_terms) matrix of raw counts
    # TODO: df = number of documents containing each term; idf (smooth or not), natural log, + 1
    # TODO: optional sublinear tf: 1 + ln(tf) where tf > 0
    # TODO: multiply by idf, then normalise every row (zero rows stay zero)
    raise NotImplementedError
