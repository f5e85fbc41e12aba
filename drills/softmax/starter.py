"""Numerically stable softmax over any axis, from scratch with NumPy."""

import numpy as np


def softmax(x, axis=-1):
    """Return exp(x) / sum(exp(x)) along `axis`, as a new float array of the same shape as x.

    x: np.ndarray with at least one dimension (may contain -inf for masked entries). Must not be
    modified. axis: int, possibly negative. Each slice along `axis` of the result sums to 1.
    Must not overflow for logits such as [1000, 1001].
    """
    # TODO: subtract the maximum of each slice along `axis` (keepdims=True) so exp cannot overflow
    # TODO: exponentiate, then divide by the sum along the same axis (keepdims=True)
    raise NotImplementedError
