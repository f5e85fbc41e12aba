"""Independent oracles for the numeric questions of content/10-practical-python.yaml.

Each function builds the objects the question talks about (arrays, DataFrames, data with given
quartiles) and asks NumPy / Pandas for the answer, instead of re-evaluating the YAML expression.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def reshape_rows(a, b, c, d):
    return np.zeros((a, b, c)).reshape(-1, d).shape[0]


def merge_rows(m1, m2, n1, n2, how):
    left = pd.DataFrame({"key": ["A"] * m1 + ["B"] * m2})
    left["x"] = range(len(left))
    right = pd.DataFrame({"key": ["A"] * n1 + ["C"] * n2})
    right["y"] = range(len(right))
    return len(pd.merge(left, right, on="key", how=how))


def hist_bin_width(lo, hi, k):
    edges = np.histogram_bin_edges(np.array([lo, hi], dtype=float), bins=k)
    return float(edges[1] - edges[0])


def boxplot_upper_fence(q1, q3):
    # Four points whose 25th/75th percentiles (linear interpolation) are exactly q1 and q3.
    data = np.array([q1, q1, q3, q3], dtype=float)
    p25, p75 = np.percentile(data, [25, 75])
    return float(p75 + 1.5 * (p75 - p25))


ORACLES = {
    "practical-numpy-reshape-param-01": reshape_rows,
    "practical-pandas-merge-param-01": merge_rows,
    "practical-plot-hist-param-01": hist_bin_width,
    "practical-plot-boxplot-param-01": boxplot_upper_fence,
}
