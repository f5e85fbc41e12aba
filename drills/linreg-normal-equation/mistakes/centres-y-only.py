import numpy as np


def fit_ols(X, y, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not fit_intercept:
        return np.linalg.lstsq(X, y, rcond=None)[0], 0.0
    y_mean = y.mean()
    # y is centred but X is not, and the intercept is taken to be mean(y).
    coef = np.linalg.lstsq(X, y - y_mean, rcond=None)[0]
    return coef, float(y_mean)
