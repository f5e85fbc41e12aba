import numpy as np


def adaboost_fit(X, y, n_rounds):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if not np.all(np.isin(y, (-1, 1))):
        raise ValueError("labels must be -1 or +1")
    n, d = X.shape
    w = np.full(n, 1.0 / n)
    model = []
    for _ in range(n_rounds):
        best = None
        for j in range(d):
            values = np.unique(X[:, j])
            for t in (values[:-1] + values[1:]) / 2:
                above = np.where(X[:, j] > t, 1, -1)
                for p in (1, -1):
                    err = w[p * above != y].sum()
                    if best is None or err < best[3] - 1e-12:
                        best = (j, t, p, err)
        j, t, p, err = best
        err = min(max(err, 1e-10), 1 - 1e-10)
        alpha = 0.5 * np.log((1 - err) / err)
        h = p * np.where(X[:, j] > t, 1, -1)
        w = w * np.exp(-alpha * y * h)
        w = w / w.sum()
        model.append((j, float(t), p, float(alpha)))
    return model


def adaboost_predict(model, X):
    X = np.asarray(X, dtype=float)
    out = []
    for x in X:
        s = sum(a * p * (1 if x[j] > t else -1) for j, t, p, a in model)
        out.append(1 if s >= 0 else -1)
    return np.array(out)
