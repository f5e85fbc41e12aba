"""Multinomial naive Bayes for count data, with additive (Laplace/Lidstone) smoothing, in log space."""

import numpy as np


def multinomial_nb(X_train, y_train, X_test, alpha=1.0):
    """Fit multinomial naive Bayes on counts (X_train, y_train) and predict X_test.

    Returns (labels, log_proba): labels (m,) from the classes of y_train, and log_proba (m, C)
    with log P(c | x), columns in sorted class order.
    """
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    classes, y_idx = np.unique(y_train, return_inverse=True)
    onehot = np.eye(len(classes))[y_idx]  # (n, C)
    log_prior = np.log(onehot.sum(axis=0)) - np.log(len(y_train))  # mutation: equivalent — a shift common to all classes cancels
    # Total count of each feature in each class, then smoothed: alpha added to every one of the d counts.
    smoothed = onehot.T @ X_train + alpha  # (C, d)
    # Normalise over the d features of each class (axis 1), so that Σ_j θ_cj = 1.
    log_theta = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
    # log P(c) + Σ_j x_j log θ_cj (the multinomial coefficient is the same for every class and cancels).
    jll = X_test @ log_theta.T + log_prior  # (m, C)
    m = jll.max(axis=1, keepdims=True)
    log_norm = m + np.log(np.exp(jll - m).sum(axis=1, keepdims=True))
    return classes[jll.argmax(axis=1)], jll - log_norm
