import pandas as pd


def clean_and_impute(df):
    df.drop_duplicates(inplace=True)
    df.drop(columns=df.columns[df.isnull().mean() > 0.5], inplace=True)
    for col in df.columns:
        if pd.api.types.is_numeric_dtype(df[col]):
            df[col] = df[col].fillna(df[col].median())
        else:
            df[col] = df[col].fillna(df[col].mode().iloc[0])
    return df
