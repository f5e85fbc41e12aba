def summarize(df, by, target):
    out = df.groupby(by)[target].agg(["size", "mean", "min", "max"])
    return out.rename(columns={"size": "count"})
