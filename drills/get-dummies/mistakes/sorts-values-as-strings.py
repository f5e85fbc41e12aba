import pandas as pd


def one_hot_columns(df, columns):
    out = df.drop(columns=columns)
    for col in columns:
        values = df[col].dropna()
        for value in sorted(values.astype(str).unique()):
            out[f"{col}_{value}"] = (df[col].astype(str) == value).astype(int) * df[col].notna()
    return out
