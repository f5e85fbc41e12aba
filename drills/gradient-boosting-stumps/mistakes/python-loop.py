import numpy as np


def gbm_fit(X, y, n_rounds, learning_rate=0.1):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    init = float(y.mean())
    pred = np.full(len(y), init)
    stumps = []
    for _ in range(n_rounds):
        r = y - pred
        best = None
        for j in range(X.shape[1]):
            values = np.unique(X[:, j])
            for t in (values[:-1] + values[1:]) / 2:
                g = X[:, j] <= t
                sse = ((r[g] - r[g].mean()) ** 2).sum() + ((r[~g] - r[~g].mean()) ** 2).sum()
                if best is None or sse < best[0] - 1e-12 * (1 + best[0]):
                    best = (sse, j, float(t), float(r[g].mean()), float(r[~g].mean()))
        stumps.append(best[1:])
        pred = pred + learning_rate * np.where(X[:, best[1]] <= best[2], best[3], best[4])
    return {"init": init, "learning_rate": learning_rate, "stumps": stumps}


def gbm_predict(model, X):
    X = np.asarray(X, dtype=float)
    out = np.full(len(X), float(model["init"]))
    for j, t, left, right in model["stumps"]:
        out += model["learning_rate"] * np.where(X[:, j] <= t, left, right)
    return out
