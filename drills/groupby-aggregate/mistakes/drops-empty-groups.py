def summarize(df, by, target):
    clean = df.dropna(subset=[target])
    return clean.groupby(by)[target].agg(["count", "mean", "min", "max"])
