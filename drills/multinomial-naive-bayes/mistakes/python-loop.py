import math

import numpy as np


def multinomial_nb(X_train, y_train, X_test, alpha=1.0):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    classes = np.unique(y_train)
    models = []
    for c in classes:
        N = X_train[y_train == c].sum(0)
        total = N.sum() + alpha * len(N)
        models.append((math.log(np.mean(y_train == c)), [math.log((v + alpha) / total) for v in N.tolist()]))
    labels, out = [], []
    for x in X_test.tolist():
        jll = []
        for lp, lt in models:
            s = lp
            for xj, t in zip(x, lt):
                s += xj * t
            jll.append(s)
        mx = max(jll)
        lse = mx + math.log(sum(math.exp(j - mx) for j in jll))
        out.append([j - lse for j in jll])
        labels.append(classes[int(np.argmax(jll))])
    return np.array(labels), np.array(out)
