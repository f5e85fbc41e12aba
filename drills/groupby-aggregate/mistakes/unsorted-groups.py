def summarize(df, by, target):
    return df.groupby(by, sort=False)[target].agg(["count", "mean", "min", "max"])
