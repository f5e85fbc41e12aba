"""KNN imputation: fill each gap from the nearest complete rows."""

import numpy as np


def knn_impute(X, k=3):
    """Fill each NaN with the mean of that column over the row's k nearest complete rows."""
    X = np.asarray(X, dtype=float)
    missing = np.isnan(X)
    incomplete = missing.any(axis=1)
    donors = X[~incomplete]  # the complete rows, (m, d)
    k = min(k, len(donors))  # fewer than k donors: use them all
    # Squared distances (r, m) from each incomplete row to each donor over the row's OBSERVED columns
    # only, from the differences themselves: where the row is missing, row - donor is NaN and nansum
    # skips it. (The expanded form x² - 2xy + y² would cancel catastrophically for data far from 0,
    # e.g. values near 1e8 with a spread of 1, and pick the wrong donors.) The square root would not
    # change the order, so it is left out.
    diff = X[incomplete][:, None, :] - donors[None, :, :]  # (r, m, d), NaN in the row's gaps
    d2 = np.nansum(diff ** 2, axis=2)
    nearest = np.argpartition(d2, k - 1)[:, :k]  # (r, k) the k nearest donors, in any order
    filled = X.copy()
    # Each gap gets the donors' mean in its column; observed entries keep their values.
    filled[incomplete] = np.where(missing[incomplete], donors[nearest].mean(axis=1), X[incomplete])
    return filled
