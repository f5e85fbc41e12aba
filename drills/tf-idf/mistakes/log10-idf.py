"""TF-IDF on pre-tokenised documents, with scikit-learn's TfidfVectorizer conventions."""

import numpy as np


def tfidf(docs_tokens, smooth_idf=True, sublinear_tf=False, norm="l2"):
    """Return (matrix, vocabulary): a dense (n_docs, n_terms) float array and the sorted terms."""
    if norm not in ("l2", "l1", None):
        raise ValueError(f"norm must be 'l2', 'l1' or None, got {norm!r}")
    docs = [list(doc) for doc in docs_tokens]
    n_docs = len(docs)
    flat = [token for doc in docs for token in doc]
    if not flat:
        raise ValueError("empty vocabulary: every document is empty")
    # Sorted vocabulary and the column of every token, in one call.
    vocabulary, cols = np.unique(np.array(flat, dtype=str), return_inverse=True)
    rows = np.repeat(np.arange(n_docs), [len(doc) for doc in docs])
    tf = np.zeros((n_docs, vocabulary.size))
    np.add.at(tf, (rows, cols.ravel()), 1.0)           # raw counts; duplicates accumulate
    df = np.count_nonzero(tf, axis=0)                  # documents containing each term
    if smooth_idf:
        idf = np.log10((1.0 + n_docs) / (1.0 + df)) + 1.0  # as if one extra document held every term
    else:
        idf = np.log10(n_docs / df) + 1.0
    if sublinear_tf:
        present = tf > 0
        tf[present] = 1.0 + np.log(tf[present])
    X = tf * idf                                       # idf scales columns; normalise rows afterwards
    if norm is None:
        return X, vocabulary.tolist()
    if norm == "l2":
        lengths = np.sqrt(np.sum(X ** 2, axis=1))
    else:
        lengths = np.sum(np.abs(X), axis=1)
    lengths[lengths == 0.0] = 1.0                      # empty documents stay zero rows
    return X / lengths[:, None], vocabulary.tolist()
