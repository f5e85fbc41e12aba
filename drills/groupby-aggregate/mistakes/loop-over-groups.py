import pandas as pd


def summarize(df, by, target):
    rows = {}
    for key in sorted(df[by].dropna().unique()):
        values = df.loc[df[by] == key, target]
        rows[key] = {"count": values.count(), "mean": values.mean(), "min": values.min(), "max": values.max()}
    return pd.DataFrame.from_dict(rows, orient="index", columns=["count", "mean", "min", "max"])
