import numpy as np


def knn_regress(X_train, y_train, X_test, k=3):
    d = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    idx = np.argsort(d, axis=1)[:, 1:k + 1]
    y = np.asarray(y_train, dtype=float)
    return np.array([y[row].mean() if len(row) else y[0] for row in idx])
