"""One-hot encoding of chosen columns with pandas."""

import numpy as np
import pandas as pd


def one_hot_columns(df, columns):
    """Replace each column named in `columns` by 0/1 integer indicator columns "<col>_<value>".

    df: a DataFrame (not modified). columns: list of column names to encode.
    The other columns come first, unchanged; then the indicators of each listed column, in the
    order of `columns`, values sorted. Missing values are 0 in every indicator. Keep df's index.
    """
    # TODO: one-hot encode only the listed columns (pandas has a function for this)
    # TODO: make sure the indicators are 0/1 integers, not booleans
    raise NotImplementedError
