import pandas as pd


def one_hot_columns(df, columns):
    out = pd.get_dummies(df, dtype=int)
    # integer columns are not picked up automatically: encode the listed ones explicitly
    numeric = [c for c in columns if c in out.columns]
    return pd.get_dummies(out, columns=numeric, dtype=int) if numeric else out
