"""Gaussian naive Bayes, from scratch with NumPy (in log space)."""

import numpy as np


def gaussian_nb(X_train, y_train, X_test, var_smoothing=1e-9):
    """Fit Gaussian naive Bayes on (X_train, y_train) and predict X_test.

    X_train: (n, d) floats; y_train: (n,) class labels (ints, any values); X_test: (m, d).
    Returns (labels, log_proba): labels (m,) from the classes of y_train, and log_proba (m, C)
    with log P(c | x) for the C classes in sorted order (np.unique(y_train)).
    """
    # TODO: classes = np.unique(y_train); priors n_c / n; per-class means and variances (divide by n_c)
    # TODO: add var_smoothing * (largest variance of a feature over all of X_train) to every variance
    # TODO: joint log-likelihood log P(c) + sum_j log N(x_j | mu_cj, var_cj), shape (m, C)
    # TODO: normalise with log-sum-exp (subtract the row max first); labels = classes[argmax]
    raise NotImplementedError
