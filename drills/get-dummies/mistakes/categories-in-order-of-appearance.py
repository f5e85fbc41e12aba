import pandas as pd


def one_hot_columns(df, columns):
    out = df.drop(columns=columns)
    for col in columns:
        for value in df[col].dropna().unique():
            out[f"{col}_{value}"] = (df[col] == value).astype(int)
    return out
