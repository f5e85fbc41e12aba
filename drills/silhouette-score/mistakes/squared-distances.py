import numpy as np


def silhouette_score(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    n = len(X)
    classes = np.unique(labels)
    if not 2 <= len(classes) <= n - 1:
        raise ValueError("bad number of labels")
    D = ((X[:, None] - X[None]) ** 2).sum(-1)
    OTHERS = lambda m: [c for c in classes if np.any(labels[~m] == c)]
    SINGLETON_ZERO = True
    A_DEN = lambda m: m.sum() - 1
    B = lambda D, m: np.min([D[np.ix_(m, labels == c)].mean(1) for c in classes if not np.any(m & (labels == c))], axis=0)
    s = np.zeros(n)
    for c in classes:
        m = labels == c
        if m.sum() == 1 and SINGLETON_ZERO:
            continue
        if len(OTHERS(m)) == 0:
            continue
        a = D[np.ix_(m, m)].sum(1) / A_DEN(m)
        b = B(D, m)
        with np.errstate(all="ignore"):
            s[m] = np.nan_to_num((b - a) / np.maximum(a, b))
    return float(s.mean())
