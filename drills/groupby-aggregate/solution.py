"""Per-group summary statistics with groupby + agg."""


def summarize(df, by, target):
    """count / mean / min / max of df[target] for each value of df[by], sorted by key.

    groupby sorts the keys and drops missing keys by default; "count" counts the non-missing values
    (unlike "size"), and mean/min/max skip NaN, so a group whose values are all NaN keeps its row
    with count 0 and NaN statistics.
    """
    return df.groupby(by)[target].agg(["count", "mean", "min", "max"])
