import pandas as pd


def clean_and_impute(df):
    out = df.drop_duplicates()
    out = out.loc[:, out.isnull().mean() <= 0.5]
    fills = {}
    for col in out.columns:
        if pd.api.types.is_numeric_dtype(out[col]):
            fills[col] = out[col].median()
        else:
            fills[col] = out[col].value_counts().index[0]
    return out.fillna(fills)
