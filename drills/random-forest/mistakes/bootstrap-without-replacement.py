"""A random forest classifier: bootstrap samples, random feature subsets per split, majority vote."""

import numpy as np

TIE = 1e-12  # gains closer than this count as ties


def bootstrap_indices(n, n_trees, seed=None):
    """Row indices of every tree's bootstrap sample: n draws with replacement, shape (n_trees, n)."""
    rng = np.random.default_rng(seed)
    return np.array([rng.permutation(n) for _ in range(n_trees)])


def majority_vote(predictions):
    """Most frequent label in each column of a (n_trees, m) integer label array; ties -> smallest label."""
    predictions = np.asarray(predictions)
    n_trees, m = predictions.shape
    lo = predictions.min()
    span = predictions.max() - lo + 1  # labels are shifted to 0..span-1 (no sort needed)
    # counts[k, i] = number of trees voting for label lo + k on sample i, in one bincount.
    flat = (predictions - lo) * m + np.arange(m)
    counts = np.bincount(flat.ravel(), minlength=span * m).reshape(span, m)
    return lo + np.argmax(counts, axis=0)  # first maximum = smallest label


def _gini(counts):
    p = counts / counts.sum(axis=-1, keepdims=True)
    return 1.0 - np.sum(p ** 2, axis=-1)


def _best_split(X, onehot, features):
    """Best (feature, threshold, gain) among the given (sorted) feature indices, or None."""
    Xf = X[:, features]
    m = Xf.shape[0]
    order = np.argsort(Xf, axis=0, kind="stable")
    xs = np.take_along_axis(Xf, order, axis=0)
    left = np.cumsum(onehot[order], axis=0)[:-1]  # (m-1, f, K)
    total = onehot.sum(axis=0)
    n_left = np.arange(1, m)[:, None]
    weighted = (n_left * _gini(left) + (m - n_left) * _gini(total - left)) / m
    gains = np.where(xs[1:] > xs[:-1], _gini(total) - weighted, -np.inf)
    best = gains.max()
    if not np.isfinite(best):
        return None
    j, i = divmod(int(np.argmax((gains >= best - TIE).T.ravel())), m - 1)  # smallest feature, then threshold
    return features[j], (xs[i, j] + xs[i + 1, j]) / 2, best


def _grow(X, codes, n_classes, max_depth, max_features, rng, depth=0):
    counts = np.bincount(codes, minlength=n_classes)
    leaf = {"leaf": int(np.argmax(counts))}
    if (max_depth is not None and depth >= max_depth) or len(codes) < 2 or np.count_nonzero(counts) <= 1:
        return leaf
    d = X.shape[1]
    if max_features is None or max_features >= d:
        features = np.arange(d)
    else:  # a fresh random subset of the features at every split
        features = np.sort(rng.choice(d, size=max_features, replace=False))
    split = _best_split(X, np.eye(n_classes)[codes], features)
    if split is None or split[2] <= TIE:
        return leaf
    j, t, _ = split
    go_left = X[:, j] <= t
    return {"feature": j, "threshold": t,
            "left": _grow(X[go_left], codes[go_left], n_classes, max_depth, max_features, rng, depth + 1),
            "right": _grow(X[~go_left], codes[~go_left], n_classes, max_depth, max_features, rng, depth + 1)}


def _predict(tree, X):
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


def random_forest_predict(X_train, y_train, X_test, n_trees=10, max_depth=None, max_features=None,
                          bootstrap=True, seed=None):
    """Fit n_trees Gini trees on bootstrap samples with random feature subsets; majority-vote X_test."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    classes, codes = np.unique(np.asarray(y_train), return_inverse=True)
    n = len(codes)
    rng = np.random.default_rng(seed)
    # The same draws as bootstrap_indices(n, n_trees, seed); the generator then picks the features.
    rows = np.array([rng.permutation(n) for _ in range(n_trees)]) if bootstrap else np.tile(np.arange(n), (n_trees, 1))
    votes = np.array([_predict(_grow(X_train[r], codes[r], len(classes), max_depth, max_features, rng), X_test)
                      for r in rows])
    return classes[majority_vote(votes)]
