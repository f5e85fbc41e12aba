import math

import numpy as np


def gaussian_nb(X_train, y_train, X_test, var_smoothing=1e-9):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    classes = np.unique(y_train)
    eps = var_smoothing * X_train.var(0).max()
    stats = []
    for c in classes:
        Xc = X_train[y_train == c]
        stats.append((math.log(len(Xc) / len(X_train)), Xc.mean(0).tolist(), (Xc.var(0) + eps).tolist()))
    labels, out = [], []
    for x in X_test.tolist():
        jll = []
        for lp, mu, var in stats:
            s = lp
            for xj, m, v in zip(x, mu, var):
                s += -0.5 * math.log(2 * math.pi * v) - (xj - m) ** 2 / (2 * v)
            jll.append(s)
        mx = max(jll)
        lse = mx + math.log(sum(math.exp(j - mx) for j in jll))
        out.append([j - lse for j in jll])
        labels.append(classes[int(np.argmax(jll))])
    return np.array(labels), np.array(out)
