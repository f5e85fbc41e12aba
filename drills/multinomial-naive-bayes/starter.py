"""Multinomial naive Bayes with additive smoothing, from scratch with NumPy (in log space)."""

import numpy as np


def multinomial_nb(X_train, y_train, X_test, alpha=1.0):
    """Fit multinomial naive Bayes on counts (X_train, y_train) and predict X_test.

    X_train: (n, d) non-negative counts; y_train: (n,) class labels; X_test: (m, d) counts; alpha > 0.
    Returns (labels, log_proba): labels (m,) from the classes of y_train, and log_proba (m, C)
    with log P(c | x) for the C classes in sorted order (np.unique(y_train)).
    """
    # TODO: classes = np.unique(y_train); log priors log(n_c / n)
    # TODO: N[c, j] = total count of feature j over the rows of class c
    # TODO: log theta[c, j] = log((N[c, j] + alpha) / (N[c].sum() + alpha * d))
    # TODO: jll = X_test @ log_theta.T + log_prior; normalise with log-sum-exp; labels = classes[argmax]
    raise NotImplementedError
