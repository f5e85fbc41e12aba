import numpy as np


def tfidf(docs_tokens, smooth_idf=True, sublinear_tf=False, norm="l2"):
    if norm not in ("l2", "l1", None):
        raise ValueError("bad norm")
    docs = [list(doc) for doc in docs_tokens]
    n = len(docs)
    vocab = sorted({t for d in docs for t in d})
    if not vocab:
        raise ValueError("empty vocabulary")
    col = {t: j for j, t in enumerate(vocab)}
    tf = np.zeros((n, len(vocab)))
    for i, d in enumerate(docs):
        for t in d:
            tf[i, col[t]] += 1
    df = (tf > 0).sum(axis=0)
    idf = np.log((1 + n) / (1 + df)) + 1 if smooth_idf else np.log(n / df) + 1
    if sublinear_tf:
        tf[tf > 0] = 1 + np.log(tf[tf > 0])
    if norm is not None:
        ord_ = 2 if norm == "l2" else 1
        lengths = np.linalg.norm(tf, ord=ord_, axis=1)
        lengths[lengths == 0] = 1
        tf = tf / lengths[:, None]
    return tf * idf, vocab
