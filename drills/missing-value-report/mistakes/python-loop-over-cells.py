import pandas as pd


def missing_report(df):
    rows = []
    for col in df.columns:
        count = 0
        for value in df[col]:
            if pd.isna(value):
                count += 1
        rows.append((col, count, 100 * count / len(df)))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return pd.DataFrame([r[1:] for r in rows], index=[r[0] for r in rows], columns=["missing", "percent"])
