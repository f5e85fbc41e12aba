"""A random forest classifier (bootstrap + feature subsampling + majority vote), from scratch with NumPy."""

import numpy as np


def bootstrap_indices(n, n_trees, seed=None):
    """Rows of each tree's bootstrap sample, shape (n_trees, n): n draws with replacement per tree.

    Must equal np.random.default_rng(seed).integers(0, n, size=(n_trees, n)).
    """
    # TODO
    raise NotImplementedError


def majority_vote(predictions):
    """Most frequent label of each column of a (n_trees, m) integer array; ties -> smallest label."""
    # TODO: count votes per (label, column) without a Python loop over columns (np.bincount)
    raise NotImplementedError


def random_forest_predict(X_train, y_train, X_test, n_trees=10, max_depth=None, max_features=None,
                          bootstrap=True, seed=None):
    """Grow n_trees Gini trees (bootstrap rows, max_features random features per split); majority-vote X_test."""
    # TODO: rng = np.random.default_rng(seed); bootstrap rows first (same draws as bootstrap_indices)
    # TODO: grow each tree (the decision-tree drill, searching only a random feature subset per node)
    # TODO: predict X_test with every tree, stack to (n_trees, m), return majority_vote
    raise NotImplementedError
