"""PCA by eigendecomposition of the covariance of the centered data."""

import numpy as np


def pca(X, n_components):
    """Return (components, explained_variance_ratio, X_projected) for the centered data."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)  # center every feature (column)
    # Xc.T @ Xc is (n - 1) times the covariance matrix, (d, d): the scale changes neither the
    # eigenvectors nor the variance ratios. eigh (for symmetric matrices) returns the eigenvalues
    # in ascending order and the eigenvectors as columns.
    variances, vectors = np.linalg.eigh(Xc.T @ Xc)
    variances, vectors = variances[::-1], vectors[:, ::-1]  # largest variance first
    components = vectors[:, :n_components].T  # one principal axis per row
    ratio = variances[:n_components] / variances.sum()  # share of the TOTAL variance
    return components, ratio, Xc @ components.T
