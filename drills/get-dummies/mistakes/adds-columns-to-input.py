def one_hot_columns(df, columns):
    for col in columns:
        for value in sorted(df[col].dropna().unique()):
            df[f"{col}_{value}"] = (df[col] == value).astype(int)
    return df.drop(columns=columns)
