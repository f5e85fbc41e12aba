"""K-nearest neighbours classification, from scratch with NumPy."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k=3):
    """Predict a label for each row of X_test by majority vote of its k nearest training points.

    X_train: (n_train, d) floats; y_train: (n_train,) non-negative ints; X_test: (n_test, d).
    Ties in the vote go to the smallest label. Returns an int array of shape (n_test,).
    """
    # TODO: compute the (n_test, n_train) matrix of Euclidean distances (broadcasting)
    # TODO: find the indices of the k nearest training points for each test point (np.argsort)
    # TODO: majority vote per test point, ties -> smallest label (np.bincount(...).argmax())
    raise NotImplementedError
