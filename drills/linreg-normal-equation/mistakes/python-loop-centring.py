import numpy as np


def fit_ols(X, y, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    x_mean = np.zeros(d)
    y_mean = 0.0
    if fit_intercept:
        for i in range(n):  # column sums, one sample at a time
            for j in range(d):
                x_mean[j] += X[i, j]
            y_mean += y[i]
        x_mean /= n
        y_mean /= n
    Xc = np.empty_like(X)
    yc = np.empty_like(y)
    for i in range(n):
        Xc[i] = X[i] - x_mean
        yc[i] = y[i] - y_mean
    coef = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    return coef, float(y_mean - x_mean @ coef)
