"""Gradient boosting for regression with decision stumps on the squared loss."""

import numpy as np

TIE = 1e-12  # relative tolerance: split scores this close count as ties


def _best_stump(X, r):
    """Regression stump (feature, threshold, left_mean, right_mean) with the smallest SSE on r.

    SSE_L + SSE_R = Σr² − (S_L²/n_L + S_R²/n_R), so the best split maximises S_L²/n_L + S_R²/n_R
    (no subtraction of large numbers needed to rank the candidates).
    """
    n, d = X.shape
    order = np.argsort(X, axis=0, kind="stable")
    xs = np.take_along_axis(X, order, axis=0)
    s_left = np.cumsum(r[order], axis=0)[:-1]  # (n-1, d): sum of the residuals left of each cut
    total = r.sum()
    n_left = np.arange(1, n)[:, None]
    n_right = n - n_left
    score = s_left ** 2 / n_left + (total - s_left) ** 2 / n_right
    score = np.where(xs[1:] > xs[:-1], score, -np.inf)  # no threshold between equal values
    best = score.max()
    # Feature-major order: first candidate within TIE of the best = smallest feature, then threshold.
    j, i = divmod(np.argmax((score >= best - TIE * (1 + best)).T), n - 1)
    return j, (xs[i, j] + xs[i + 1, j]) / 2, s_left[i, j] / (i + 1), (total - s_left[i, j]) / (n - i - 1)


def _stump_predict(X, stump):
    j, t, left, right = stump
    return np.where(X[:, j] <= t, left, right)


def gbm_fit(X, y, n_rounds, learning_rate=0.1):
    """Fit init = mean(y), then n_rounds stumps to the residuals; return the model as a dict."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    init = y.mean()
    pred = np.full(len(y), init)
    stumps = []
    for _ in range(n_rounds):
        residual = y - pred  # the negative gradient of ½(y − F)²
        j, t, left, right = _best_stump(X, residual)
        stumps.append((int(j), float(t), float(left), float(right)))
        pred = pred + _stump_predict(X, stumps[-1])
    return {"init": float(init), "learning_rate": float(learning_rate), "stumps": stumps}


def gbm_predict(model, X):
    """init + learning_rate · Σ stump(x) for every row of X."""
    X = np.asarray(X, dtype=float)
    pred = np.full(len(X), float(model["init"]))
    for stump in model["stumps"]:
        pred = pred + model["learning_rate"] * _stump_predict(X, stump)
    return pred
