import numpy as np
import pandas as pd


def one_hot_columns(df, columns):
    parts = [df.drop(columns=columns)]
    for col in columns:
        values = sorted(df[col].dropna().unique())
        onehot = (df[col].to_numpy()[:, None] == np.array(values, dtype=object)[None, :]).astype(int)
        parts.append(pd.DataFrame(onehot, columns=[f"{col}_{v}" for v in values]))
    return pd.concat(parts, axis=1)
