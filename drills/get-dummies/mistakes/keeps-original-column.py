import pandas as pd


def one_hot_columns(df, columns):
    parts = [df]
    for col in columns:
        parts.append(pd.get_dummies(df[col], prefix=col, dtype=int))
    return pd.concat(parts, axis=1)
