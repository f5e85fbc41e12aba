import numpy as np


def fit_ols(X, y, fit_intercept=True):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    A = np.hstack([X, np.ones((len(X), 1))]) if fit_intercept else X
    # The textbook normal equation θ = (AᵀA)⁻¹Aᵀy: cond(AᵀA) = cond(A)².
    theta = np.linalg.inv(A.T @ A) @ A.T @ y
    if fit_intercept:
        return theta[:-1], float(theta[-1])
    return theta, 0.0
