"""Clean and impute a DataFrame with pandas."""

import numpy as np
import pandas as pd


def clean_and_impute(df):
    """Return a cleaned copy of df; df itself must not be modified.

    1. drop exact duplicate rows (keep the first occurrence);
    2. drop the columns with more than 50% missing values (exactly 50% is kept);
    3. fill the remaining NaN: numeric columns with their median, text columns with their mode
       (ties -> the smallest value), using the statistics of the deduplicated data.
    Keep the column order and the index labels of the kept rows.
    """
    # TODO: drop duplicate rows without touching df
    # TODO: drop the columns that are more than half missing
    # TODO: compute one fill value per column (median for numbers, mode for text) and fill
    raise NotImplementedError
