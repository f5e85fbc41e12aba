def summarize(df, by, target):
    values = df[target].fillna(0)
    grouped = values.groupby(df[by])
    out = grouped.agg(["mean", "min", "max"])
    out.insert(0, "count", df[target].groupby(df[by]).count())
    return out
