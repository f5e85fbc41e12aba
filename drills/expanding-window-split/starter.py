"""Expanding-window (time-series) cross-validation splits, from scratch with NumPy."""

import numpy as np


def expanding_window_split(n_samples, n_splits, test_size=None, gap=0):
    """Return a list of n_splits (train_idx, test_idx) pairs of 1-D int arrays, oldest split first.

    Same semantics as sklearn.model_selection.TimeSeriesSplit(n_splits, test_size=test_size, gap=gap).
    """
    # TODO: validate (n_splits >= 2, gap >= 0, test_size >= 1, n_splits + 1 <= n_samples) -> ValueError
    # TODO: default test_size = n_samples // (n_splits + 1)
    # TODO: the test blocks are the LAST n_splits * test_size indices, in consecutive blocks
    # TODO: train = every index before the block's start, minus the `gap` indices just before it
    raise NotImplementedError
