import numpy as np


def fit_ols(X, y, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
    y_mean = y.mean() if fit_intercept else 0.0
    Xc, yc = X - x_mean, y - y_mean
    # No inverse, but still the normal equation: singular on dependent columns, cond² on collinear ones.
    coef = np.linalg.solve(Xc.T @ Xc, Xc.T @ yc)
    return coef, float(y_mean - x_mean @ coef)
