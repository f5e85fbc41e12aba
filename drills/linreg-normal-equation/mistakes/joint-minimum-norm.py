import numpy as np


def fit_ols(X, y, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not fit_intercept:
        return np.linalg.lstsq(X, y, rcond=None)[0], 0.0
    # Minimum norm over [coef, intercept] together: the intercept is penalized by the norm too.
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    return theta[:-1], float(theta[-1])
