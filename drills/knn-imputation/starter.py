"""KNN imputation, from scratch with NumPy."""

import numpy as np


def knn_impute(X, k=3):
    """Fill each NaN with the mean of that column over the row's k nearest COMPLETE rows.

    Distances are Euclidean over the columns the row observes. With fewer than k complete rows,
    all of them are used. Returns a new float array (n, d); must not modify X.
    """
    # TODO: find the missing mask, the incomplete rows and the complete (donor) rows
    # TODO: distances from each incomplete row to each donor over the row's observed columns
    # TODO: the k nearest donors of each incomplete row (k clipped to the number of donors)
    # TODO: fill the missing entries of a COPY with the donors' column means
    raise NotImplementedError
