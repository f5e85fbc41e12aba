import pandas as pd


def missing_report(df):
    missing = df.isnull().sum()
    missing = missing[missing > 0]
    report = pd.DataFrame({"missing": missing, "percent": missing / len(df) * 100})
    return report.sort_index().sort_values("missing", ascending=False, kind="stable")
