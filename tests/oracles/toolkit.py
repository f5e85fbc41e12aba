"""Independent oracles for the numeric questions of content/02-python-toolkit.yaml.

Each function recomputes the answer from the definition with NumPy objects (building the arrays or
data the question talks about) rather than re-evaluating the YAML expression.
"""

from __future__ import annotations

import math

import numpy as np


def memory_nbytes(rows, cols, bits):
    a = np.zeros((rows, cols), dtype=np.dtype(f"int{bits}"))
    return a.nbytes


def broadcast_size(a, b, c):
    x = np.empty((a, 1, c))
    y = np.empty((b, 1))
    return (x + y).size


def standard_scaler_test_value(v1, v2, v3, v4, x):
    train = [v1, v2, v3, v4]
    n = len(train)
    mean = sum(train) / n
    std = math.sqrt(sum((v - mean) ** 2 for v in train) / n)  # ddof=0, like StandardScaler
    return (x - mean) / std


def minmax_test_value(lo, hi, x):
    train = np.array([lo, (lo + hi) / 2, hi], dtype=float)
    tmin, tmax = train.min(), train.max()
    return float((np.array([x], dtype=float) - tmin)[0] / (tmax - tmin))


ORACLES = {
    "toolkit-numpy-memory-param-01": memory_nbytes,
    "toolkit-broadcasting-param-01": broadcast_size,
    "toolkit-sklearn-scaler-param-01": standard_scaler_test_value,
    "toolkit-sklearn-minmax-param-01": minmax_test_value,
}
