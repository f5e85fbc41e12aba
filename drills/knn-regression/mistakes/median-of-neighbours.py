import numpy as np


def knn_regress(X_train, y_train, X_test, k=3):
    d = np.sqrt(((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2))
    idx = np.argsort(d, axis=1)[:, :k]
    return np.median(np.asarray(y_train, dtype=float)[idx], axis=1)
