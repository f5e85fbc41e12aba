"""Group-by aggregation with pandas."""

import numpy as np
import pandas as pd


def summarize(df, by, target):
    """Summary statistics of df[target] for each value of df[by].

    Returns a DataFrame indexed by the sorted non-missing keys, with the columns count, mean, min,
    max of the target (skipping missing values; `count` counts the non-missing values). A group
    whose values are all missing appears with count 0 and NaN statistics. df is not modified.
    """
    # TODO: group the rows by the key column
    # TODO: aggregate the target column with count, mean, min and max (NaN-skipping)
    raise NotImplementedError
