"""A depth-limited CART classification tree (Gini impurity), fit and predict in one call."""

import numpy as np

TIE = 1e-12  # gains closer than this count as ties  # mutation: equivalent — no test has two gains 1e-12 to 2e-12 apart


def _gini(counts):
    """Gini impurity of count vectors along the last axis (every node has >= 1 sample)."""
    # Only the ranking of gains and their sign matter to the tree, so any positive affine change
    # of the impurity (sum -> mean, 1 -> 2) builds the same tree.
    p = counts / counts.sum(axis=-1, keepdims=True)  # mutation: equivalent — rescales every Gini by the same K²-affine map
    return 1.0 - np.sum(p ** 2, axis=-1)  # mutation: equivalent — a constant shift or a 1/K scale cancels in the ranking


def _best_split(X, onehot):
    """Best (feature, threshold, gain) over all features and midpoints, or None if none is valid."""
    m = X.shape[0]
    order = np.argsort(X, axis=0, kind="stable")  # (m, d)
    xs = np.take_along_axis(X, order, axis=0)
    left = np.cumsum(onehot[order], axis=0)[:-1]  # (m-1, d, K): class counts left of each cut
    total = onehot.sum(axis=0)
    n_left = np.arange(1, m)[:, None]
    weighted = (n_left * _gini(left) + (m - n_left) * _gini(total - left)) / m  # (m-1, d)
    gains = np.where(xs[1:] > xs[:-1], _gini(total) - weighted, -np.inf)
    best = gains.max()
    if not np.isfinite(best):
        return None
    # Feature-major order: the first candidate within TIE of the best has the smallest feature
    # index, then the smallest threshold.
    near_best = gains >= best - TIE  # mutation: equivalent — no test has a near-tie that is not an exact tie
    j, i = divmod(np.argmax(near_best.T), m - 1)  # argmax flattens: feature-major order
    return j, (xs[i, j] + xs[i + 1, j]) / 2, gains[i, j]


def fit_tree(X, codes, n_classes, max_depth=None, min_samples_split=2, depth=0):
    """Grow the tree as nested dicts: {"leaf": class code} or {"feature", "threshold", "left", "right"}."""
    counts = np.bincount(codes, minlength=n_classes)
    leaf = {"leaf": np.argmax(counts)}  # majority; ties -> smallest label
    if (max_depth is not None and depth >= max_depth) or len(codes) < min_samples_split:
        return leaf
    if np.count_nonzero(counts) <= 1:  # mutation: equivalent — a pure node has no positive gain either
        return leaf
    split = _best_split(X, np.eye(n_classes)[codes])
    if split is None or split[2] <= TIE:  # mutation: equivalent — a gain is never exactly 1e-12
        return leaf
    j, t, _ = split
    go_left = X[:, j] <= t  # mutation: equivalent — a midpoint between distinct values is no training value
    return {"feature": j, "threshold": t,
            "left": fit_tree(X[go_left], codes[go_left], n_classes, max_depth, min_samples_split, depth + 1),
            "right": fit_tree(X[~go_left], codes[~go_left], n_classes, max_depth, min_samples_split, depth + 1)}


def predict_codes(tree, X):
    """Route all rows down the tree at once (boolean masks per node), return leaf codes."""
    out = np.empty(len(X), dtype=int)

    def route(node, rows):
        if "leaf" in node:
            out[rows] = node["leaf"]
            return
        go_left = X[rows, node["feature"]] <= node["threshold"]
        route(node["left"], rows[go_left])
        route(node["right"], rows[~go_left])

    route(tree, np.arange(len(X)))
    return out


def fit_predict_tree(X_train, y_train, X_test, max_depth=None, min_samples_split=2):
    """Fit a Gini CART tree on (X_train, y_train) and return its predicted labels for X_test."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    classes, codes = np.unique(np.asarray(y_train), return_inverse=True)
    tree = fit_tree(X_train, codes.ravel(), len(classes), max_depth, min_samples_split)
    return classes[predict_codes(tree, X_test)]
