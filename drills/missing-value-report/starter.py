"""Missing-value report with pandas."""

import numpy as np
import pandas as pd


def missing_report(df):
    """Count the missing values of every column of df.

    df: a DataFrame (at least one row, unique string column names). Not modified.
    Returns a DataFrame indexed by column name with the columns `missing` (count) and `percent`
    (100 * missing / number of rows, not rounded), sorted by `missing` descending, then by column
    name ascending. Columns without missing values are included with 0.
    """
    # TODO: count the missing values per column (df.isnull() is a boolean DataFrame)
    # TODO: compute the percentage of rows that are missing in each column
    # TODO: build the result DataFrame and sort it (count descending, ties by name ascending)
    raise NotImplementedError
