import pandas as pd


def one_hot_columns(df, columns):
    return pd.get_dummies(df, columns=columns)
