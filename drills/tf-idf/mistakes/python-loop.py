import math

import numpy as np


def tfidf(docs_tokens, smooth_idf=True, sublinear_tf=False, norm="l2"):
    if norm not in ("l2", "l1", None):
        raise ValueError("bad norm")
    docs = [list(doc) for doc in docs_tokens]
    n = len(docs)
    vocab = sorted({t for d in docs for t in d})
    if not vocab:
        raise ValueError("empty vocabulary")
    rows = []
    for d in docs:
        rows.append([float(d.count(t)) for t in vocab])
    out = []
    df = [sum(1 for r in rows if r[j] > 0) for j in range(len(vocab))]
    idf = [math.log((1 + n) / (1 + f)) + 1 if smooth_idf else math.log(n / f) + 1 for f in df]
    for r in rows:
        x = [((1 + math.log(c)) if (sublinear_tf and c > 0) else c) * w for c, w in zip(r, idf)]
        if norm == "l2":
            s = math.sqrt(sum(v * v for v in x))
        elif norm == "l1":
            s = sum(abs(v) for v in x)
        else:
            s = 1.0
        out.append([v / s if s > 0 else 0.0 for v in x])
    return np.array(out), vocab
