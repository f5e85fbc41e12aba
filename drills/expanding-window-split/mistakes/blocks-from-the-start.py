import numpy as np


def expanding_window_split(n_samples, n_splits, test_size=None, gap=0):
    if n_splits < 2 or gap < 0 or (test_size is not None and test_size < 1) or n_splits + 1 > n_samples:
        raise ValueError("invalid arguments")
    if test_size is None:
        test_size = n_samples // (n_splits + 1)
    first = test_size
    if first - gap <= 0:
        raise ValueError("too many splits")
    splits = []
    for start in [(i + 1) * test_size for i in range(n_splits)]:
        train = np.arange(start - gap)
        test = np.arange(start, start + test_size)
        splits.append((train, test))
    return splits
