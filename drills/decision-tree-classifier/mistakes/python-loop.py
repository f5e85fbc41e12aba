import numpy as np


def _gini(labels):
    n = len(labels)
    if n == 0:
        return 0.0
    _, c = np.unique(labels, return_counts=True)
    return 1.0 - float(np.sum((c / n) ** 2))


def _build(X, y, max_depth, mss, depth):
    classes, counts = np.unique(y, return_counts=True)
    leaf = {"leaf": classes[np.argmax(counts)]}
    if (max_depth is not None and depth >= max_depth) or len(y) < mss or len(classes) == 1:
        return leaf
    parent = _gini(y)
    best = None
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            g = X[:, j] <= t
            gain = parent - (g.sum() * _gini(y[g]) + (~g).sum() * _gini(y[~g])) / len(y)
            if best is None or gain > best[2] + 1e-12:
                best = (j, t, gain)
    if best is None or best[2] <= 1e-12:
        return leaf
    j, t, _ = best
    g = X[:, j] <= t
    return {"f": j, "t": t, "l": _build(X[g], y[g], max_depth, mss, depth + 1),
            "r": _build(X[~g], y[~g], max_depth, mss, depth + 1)}


def fit_predict_tree(X_train, y_train, X_test, max_depth=None, min_samples_split=2):
    X_train = np.asarray(X_train, dtype=float)
    tree = _build(X_train, np.asarray(y_train), max_depth, min_samples_split, 0)
    out = []
    for x in np.asarray(X_test, dtype=float):
        node = tree
        while "leaf" not in node:
            node = node["l"] if x[node["f"]] <= node["t"] else node["r"]
        out.append(node["leaf"])
    return np.array(out)
