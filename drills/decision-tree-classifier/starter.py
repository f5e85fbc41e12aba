"""A depth-limited CART classification tree (Gini impurity), from scratch with NumPy."""

import numpy as np


def fit_predict_tree(X_train, y_train, X_test, max_depth=None, min_samples_split=2):
    """Fit a Gini decision tree on (X_train, y_train); return predicted labels for X_test, shape (m,).

    Leaf when depth == max_depth, fewer than min_samples_split samples, pure, or no positive gain.
    Splits: midpoints between distinct sorted values, x[j] <= t goes left; ties -> smallest feature,
    then smallest threshold. Leaf label: majority, ties -> smallest label.
    """
    # TODO: convert inputs; map labels to codes 0..K-1 (np.unique(..., return_inverse=True))
    # TODO: best split of a node: for every feature, sort, cumulative one-hot counts, weighted Gini gains
    # TODO: recursive build(rows, depth) -> leaf or {feature, threshold, left, right}
    # TODO: route X_test down the tree (boolean masks per node) and map codes back to labels
    raise NotImplementedError
