def clean_and_impute(df):
    out = df.drop_duplicates()
    out = out.loc[:, out.isnull().mean() <= 0.5]
    return out.dropna()
