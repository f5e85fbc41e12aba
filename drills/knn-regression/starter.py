"""K-nearest neighbours regression, from scratch with NumPy."""

import numpy as np


def knn_regress(X_train, y_train, X_test, k=3):
    """Predict, for each row of X_test, the mean target of its k nearest training points.

    X_train: (n_train, d); y_train: (n_train,) numbers; X_test: (n_test, d).
    Returns a float array of shape (n_test,).
    """
    # TODO: compute the (n_test, n_train) matrix of Euclidean distances (broadcasting)
    # TODO: find the indices of the k nearest training points for each test point
    # TODO: average their targets (as floats)
    raise NotImplementedError
