import pandas as pd


def missing_report(df):
    missing = df.select_dtypes(include="number").isnull().sum().reindex(df.columns, fill_value=0)
    report = pd.DataFrame({"missing": missing, "percent": missing / len(df) * 100})
    return report.sort_index().sort_values("missing", ascending=False, kind="stable")
