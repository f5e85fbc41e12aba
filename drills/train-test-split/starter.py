"""Train/test split with a seed and optional stratification, from scratch with NumPy."""

import math

import numpy as np


def train_test_split(n_samples, test_size=0.2, seed=None, stratify=None):
    """Split the indices 0..n_samples-1 at random into (train_idx, test_idx).

    Without stratify: n_test = math.ceil(test_size * n_samples) shuffled indices go to the test set.
    With stratify (n_samples labels): each class with n_c rows sends round(test_size * n_c) of its
    rows, chosen at random, to the test set. Same seed -> same split.
    Returns two 1-D int arrays, disjoint, together covering every index once.
    """
    # TODO: build a random generator from the seed (np.random.default_rng(seed))
    # TODO: without stratify, shuffle the indices and cut off the first n_test for the test set
    # TODO: with stratify, do the same inside each class and collect the pieces
    raise NotImplementedError
