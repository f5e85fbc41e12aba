import pandas as pd


def missing_report(df):
    missing = df.isnull().sum()
    report = pd.DataFrame({"missing": missing, "percent": df.isnull().mean()})
    return report.sort_index().sort_values("missing", ascending=False, kind="stable")
