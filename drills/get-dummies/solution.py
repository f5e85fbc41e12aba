"""One-hot encoding of chosen categorical columns with pd.get_dummies."""

import pandas as pd


def one_hot_columns(df, columns):
    """Replace each column named in `columns` by 0/1 integer columns "<col>_<value>".

    pd.get_dummies keeps the other columns first, in their order, then appends the indicator columns
    of each listed column (in the order of `columns`, values sorted, missing values -> all zeros).
    dtype=int asks for 0/1 integers: since pandas 2 the default is bool.
    """
    return pd.get_dummies(df, columns=columns, dtype=int)
