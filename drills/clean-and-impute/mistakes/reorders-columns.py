import pandas as pd


def clean_and_impute(df):
    out = df.drop_duplicates()
    out = out.loc[:, out.isnull().mean() <= 0.5]
    numbers = out.select_dtypes(include="number")
    text = out.select_dtypes(exclude="number")
    numbers = numbers.fillna(numbers.median())
    text = text.fillna({col: text[col].mode().iloc[0] for col in text.columns})
    return pd.concat([numbers, text], axis=1)
