def summarize(df, by, target):
    return df.groupby(by, dropna=False)[target].agg(["count", "mean", "min", "max"])
