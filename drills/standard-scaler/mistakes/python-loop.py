import math

import numpy as np


def standard_scaler_fit(X):
    X = np.asarray(X, dtype=float)
    return X.mean(axis=0), np.where(np.ptp(X, axis=0) == 0, 0.0, X.std(axis=0))


def standard_scaler_transform(X, mean, std):
    rows = np.asarray(X, dtype=float).tolist()
    mean, std = list(mean), list(std)
    out = []
    for row in rows:
        new = []
        for j, v in enumerate(row):
            s = std[j] if std[j] != 0 else 1.0
            new.append((v - mean[j]) / s)
        out.append(new)
    return np.array(out)
