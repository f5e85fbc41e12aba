import math

import numpy as np


def knn_regress(X_train, y_train, X_test, k=3):
    preds = []
    for q in X_test.tolist():
        dists = []
        for i, p in enumerate(X_train.tolist()):
            dists.append((math.sqrt(sum((a - b) ** 2 for a, b in zip(q, p))), i))
        dists.sort()
        preds.append(sum(float(y_train[i]) for _, i in dists[:k]) / k)
    return np.array(preds)
