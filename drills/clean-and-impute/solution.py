"""Clean a DataFrame: drop duplicate rows and mostly-empty columns, then impute what is missing."""

import math

import pandas as pd


def clean_and_impute(df):
    """Deduplicate rows, drop columns more than half missing, fill NaN (median / mode)."""
    out = df.drop_duplicates()  # a new DataFrame: df itself is never modified
    # "More than 50% missing" means fewer than half the values present: keep a column only if it has
    # at least ceil(n / 2) non-missing values (dropna's `thresh` counts non-missing values).
    out = out.dropna(axis="columns", thresh=math.ceil(len(out) / 2))
    # Statistics come from the deduplicated data. Series.mode() returns every most frequent value,
    # sorted, so .iloc[0] breaks ties by taking the smallest.
    fills = {col: out[col].median() if pd.api.types.is_numeric_dtype(out[col]) else out[col].mode().iloc[0]
             for col in out.columns}
    return out.fillna(fills)
