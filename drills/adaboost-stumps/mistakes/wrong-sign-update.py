"""Discrete AdaBoost with decision stumps, labels in {-1, +1}."""

import numpy as np

TIE = 1e-12  # weighted errors closer than this count as ties
EPS = 1e-10  # the weighted error is clipped to [EPS, 1 - EPS] so alpha stays finite


def _best_stump(X, y, w):
    """The stump (feature, threshold, polarity, error) with the smallest weighted error.

    A stump predicts polarity · (+1 if x[feature] > threshold else −1). Ties: smallest feature,
    then smallest threshold, then polarity +1 before −1.
    """
    n, d = X.shape
    order = np.argsort(X, axis=0, kind="stable")
    xs = np.take_along_axis(X, order, axis=0)
    wy = w[order] * y[order]  # signed weights in sorted order, (n, d)
    pos = np.where(wy > 0, wy, 0.0)
    neg = np.where(wy < 0, -wy, 0.0)
    pos_left = np.cumsum(pos, axis=0)[:-1]  # weight of +1 samples at or left of each cut
    neg_left = np.cumsum(neg, axis=0)[:-1]
    # Polarity +1 predicts −1 on the left: it misses the left positives and the right negatives.
    err_plus = pos_left + (neg.sum(axis=0) - neg_left)
    err_minus = neg_left + (pos.sum(axis=0) - pos_left)
    errors = np.stack([err_plus, err_minus], axis=-1)  # (n-1, d, 2)
    errors[~(xs[1:] > xs[:-1])] = np.inf  # no threshold between equal values
    best = errors.min()
    # C order of (feature, cut, polarity) is exactly the tie order.
    flat = np.argmax(errors.transpose(1, 0, 2) <= best + TIE)
    j, rest = divmod(flat, 2 * (n - 1))
    i, k = divmod(rest, 2)
    return j, (xs[i, j] + xs[i + 1, j]) / 2, 1 - 2 * k, errors[i, j, k]


def _stump_predict(X, feature, threshold, polarity):
    return polarity * np.where(X[:, feature] > threshold, 1, -1)


def adaboost_fit(X, y, n_rounds):
    """Fit n_rounds stumps; return a list of (feature, threshold, polarity, alpha)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if not np.all(np.isin(y, (-1, 1))):
        raise ValueError("labels must be -1 or +1")
    y = y.astype(float)
    w = np.full(len(y), 1.0 / len(y))
    model = []
    for _ in range(n_rounds):
        j, t, p, err = _best_stump(X, y, w)
        err = np.clip(err, EPS, 1 - EPS)
        alpha = 0.5 * np.log((1 - err) / err)
        # Misclassified samples (y·h = −1) gain weight, correct ones lose it; then renormalise.
        w = w * np.exp(alpha * y * _stump_predict(X, j, t, p))
        w /= w.sum()
        model.append((int(j), float(t), int(p), float(alpha)))
    return model


def adaboost_predict(model, X):
    """sign(Σ alpha · h(x)) with sign(0) = +1, as an int array of -1/+1."""
    X = np.asarray(X, dtype=float)
    score = np.zeros(len(X))
    for j, t, p, alpha in model:
        score += alpha * _stump_predict(X, j, t, p)
    return np.where(score >= 0, 1, -1)
