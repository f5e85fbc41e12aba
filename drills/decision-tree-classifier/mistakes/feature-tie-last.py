import numpy as np


def _gini(counts):
    n = counts.sum(axis=-1, keepdims=True)
    p = counts / np.where(n > 0, n, 1.0)
    return 1.0 - np.sum(p ** 2, axis=-1)


def _best(X, onehot):
    m, d = X.shape
    total = onehot.sum(axis=0)
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        left = np.cumsum(onehot[order], axis=0)[:-1]
        nl = np.arange(1, m)
        weighted = (nl * _gini(left) + (m - nl) * _gini(total - left)) / m
        gains = np.where(xs[1:] > xs[:-1], _gini(total) - weighted, -np.inf)
        i = int(np.argmax(gains))
        if np.isfinite(gains[i]) and (best is None or gains[i] >= best[2] - 1e-12):
            best = (j, (xs[i] + xs[i + 1]) / 2, gains[i])
    return best


def _leaf(codes, k):
    return {"leaf": int(np.argmax(np.bincount(codes, minlength=k)))}


def _build(X, codes, k, max_depth, mss, depth):
    counts = np.bincount(codes, minlength=k)
    if (max_depth is not None and depth >= max_depth) or len(codes) < mss or np.count_nonzero(counts) <= 1:
        return _leaf(codes, k)
    s = _best(X, np.eye(k)[codes])
    if s is None or s[2] <= 1e-12:
        return _leaf(codes, k)
    j, t, _ = s
    g = X[:, j] <= t
    return {"f": j, "t": t, "l": _build(X[g], codes[g], k, max_depth, mss, depth + 1),
            "r": _build(X[~g], codes[~g], k, max_depth, mss, depth + 1)}


def _predict(node, X, rows, out):
    if "leaf" in node:
        out[rows] = node["leaf"]
        return
    g = X[rows, node["f"]] <= node["t"]
    _predict(node["l"], X, rows[g], out)
    _predict(node["r"], X, rows[~g], out)


def fit_predict_tree(X_train, y_train, X_test, max_depth=None, min_samples_split=2):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    classes, codes = np.unique(np.asarray(y_train), return_inverse=True)
    tree = _build(X_train, codes, len(classes), max_depth, min_samples_split, 0)
    out = np.empty(len(X_test), dtype=int)
    _predict(tree, X_test, np.arange(len(X_test)), out)
    return classes[out]
