import pandas as pd


def missing_report(df):
    missing = df.isnull().sum()
    report = pd.DataFrame({"missing": missing, "percent": (missing / len(df) * 100).round(2)})
    return report.sort_index().sort_values("missing", ascending=False, kind="stable")
