"""Principal component analysis, from scratch with NumPy."""

import numpy as np


def pca(X, n_components):
    """Return (components, explained_variance_ratio, X_projected) for the centered data.

    X: (n, d) array. components: (n_components, d), unit rows sorted by decreasing variance;
    explained_variance_ratio: (n_components,), each variance over the TOTAL variance;
    X_projected: (n, n_components) = centered X @ components.T. Must not modify X.
    """
    # TODO: center the columns of X
    # TODO: eigendecomposition of the (d, d) covariance (np.linalg.eigh) or SVD of the centered data
    # TODO: sort by decreasing variance and keep n_components directions (as rows)
    # TODO: explained variance ratio over the total variance; project the centered data
    raise NotImplementedError
