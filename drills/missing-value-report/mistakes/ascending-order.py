import pandas as pd


def missing_report(df):
    missing = df.isnull().sum()
    report = pd.DataFrame({"missing": missing, "percent": missing / len(df) * 100})
    return report.sort_index().sort_values("missing", kind="stable")
