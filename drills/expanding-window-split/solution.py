"""Expanding-window time-series splits with scikit-learn's TimeSeriesSplit semantics."""

import numpy as np


def expanding_window_split(n_samples, n_splits, test_size=None, gap=0):
    """Return n_splits (train_idx, test_idx) pairs: train = everything before the test block minus a gap."""
    if n_splits < 2 or gap < 0:
        raise ValueError("n_splits must be at least 2 and gap at least 0")
    if test_size is None:
        test_size = n_samples // (n_splits + 1)  # 0 exactly when n_splits + 1 > n_samples
    if test_size < 1:
        raise ValueError(f"test_size must be >= 1 (and n_splits + 1 <= n_samples = {n_samples})")
    first = n_samples - n_splits * test_size  # the test blocks are the last n_splits * test_size rows
    if first - gap <= 0:
        raise ValueError("too many splits (or too large a test_size / gap) for the number of samples")
    indices = np.arange(n_samples)
    starts = first + test_size * np.arange(n_splits)
    return [(indices[:start - gap], indices[start:start + test_size]) for start in starts]
