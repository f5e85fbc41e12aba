"""K-nearest neighbours classification with a vectorized distance matrix."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k=3):
    """Predict a label for each row of X_test by majority vote of its k nearest training points.

    Ties in the vote go to the smallest label (np.bincount(...).argmax() returns the first maximum).
    """
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train).astype(int)
    # Squared Euclidean distances, shape (n_test, n_train); the square root would not change the order.
    d2 = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)  # mutation: equivalent — a positive rescaling (sum vs mean) keeps the neighbour order
    # The vote does not depend on the neighbours' order, so a partial sort is enough:
    # argpartition puts the k smallest distances first in O(n_train) per row (argsort is O(n log n)).
    nearest = np.argpartition(d2, k - 1)[:, :k]  # (n_test, k) indices into X_train (last axis)
    votes = y_train[nearest]  # (n_test, k) labels of the neighbours
    # One row of vote counts per test point; argmax takes the first maximum, i.e. the smallest
    # label among ties, the same rule as np.bincount(row).argmax().
    counts = np.apply_along_axis(np.bincount, 1, votes, minlength=y_train.max() + 1)  # mutation: equivalent — a longer minlength only adds empty label columns
    return counts.argmax(axis=1)
